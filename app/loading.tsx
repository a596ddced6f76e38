/** Shown while a page's data loads (the header is part of each page, so this stands alone). */
export default function Loading() {
  return (
    <main id="main" aria-busy="true">
      <p className="visually-hidden" role="status">
        Loading…
      </p>
      <div className="skeleton" style={{ height: 28, width: 220, marginBottom: 12 }} />
      <div className="skeleton" style={{ height: 16, width: '60%', marginBottom: 24 }} />
      <div className="grid small-cards" style={{ marginBottom: 16 }}>
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="skeleton" style={{ height: 84 }} />
        ))}
      </div>
      <div className="skeleton" style={{ height: 320 }} />
    </main>
  );
}
