import Link from 'next/link';

/**
 * A page the role does not include (requirePageUser → forbidden()). Only the
 * signed-in pages call it, and Next.js renders it inside their layout,
 * app/(console)/layout.tsx, which already gives the header and `<main id="main">`:
 * so content only, no `<main>` of its own (it would be the page's second).
 */
export default function Forbidden() {
  return (
    <>
      <h1>Not allowed</h1>
      <p className="subtitle">Your role does not include this page. An admin can change your role.</p>
      <p>
        <Link href="/">Back to the components</Link>
      </p>
    </>
  );
}
