import Link from 'next/link';

/**
 * A row of mutually exclusive links (range 1h / 6h / 24h / 7d …): each is a
 * plain URL, so the choice is shareable, and the current one carries aria-current.
 */
export function SegmentedLinks<T extends string>({
  label,
  options,
  current,
  href,
  text = (o) => o,
}: {
  label: string;
  options: readonly T[];
  current: T;
  href: (option: T) => string;
  text?: (option: T) => string;
}) {
  return (
    <nav className="segmented" aria-label={label}>
      {options.map((o) => (
        <Link key={o} href={href(o)} aria-current={o === current ? 'page' : undefined} scroll={false}>
          {text(o)}
        </Link>
      ))}
    </nav>
  );
}
