import Link from 'next/link';

export default function Forbidden() {
  return (
    <main id="main">
      <h1>Not allowed</h1>
      <p className="subtitle">Your role does not include this page. An admin can change your role.</p>
      <p>
        <Link href="/">Back to the components</Link>
      </p>
    </main>
  );
}
