import Link from 'next/link';

export default function ComponentNotFound() {
  return (
    <>
      <h1>Component not found</h1>
      <p className="subtitle">No component of that name has reported to the console or been registered.</p>
      <p>
        <Link href="/">Back to the overview</Link>
      </p>
    </>
  );
}
