'use client';
/**
 * Mounts Swagger UI (swagger-ui-dist; its bundle served by app/docs-ui) on the API
 * document. The bundle is loaded by this component after hydration: under the
 * CSP's 'strict-dynamic' a script inserted by trusted (nonce-loaded) code may
 * run, and React never sees the DOM Swagger UI draws inside the mount point.
 */
import { useEffect, useRef, useState } from 'react';
// Next bundles it with the page's own CSS (a same-origin stylesheet, as the CSP wants).
import 'swagger-ui-dist/swagger-ui.css';

type SwaggerUIBundle = (options: Record<string, unknown>) => unknown;

const BUNDLE = '/docs-ui/swagger-ui-bundle.js';

export function ApiDocs({ documentUrl }: { documentUrl: string }) {
  const mount = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const start = () => {
      const bundle = (window as unknown as { SwaggerUIBundle?: SwaggerUIBundle }).SwaggerUIBundle;
      if (!bundle || !mount.current) return setFailed(true);
      bundle({ url: documentUrl, domNode: mount.current, deepLinking: false, docExpansion: 'list', defaultModelsExpandDepth: 0, tryItOutEnabled: false });
    };
    if ((window as unknown as { SwaggerUIBundle?: unknown }).SwaggerUIBundle) return start();
    // The bundle carries zenscroll, which on load takes over every in-page link of
    // the document: it cancels the click, animates, and only sets the fragment when
    // the animation ends — so the layout's skip link (#main) did not land on main.
    // This is zenscroll's documented opt-out, read when the bundle runs.
    (window as unknown as { noZensmooth?: boolean }).noZensmooth = true;
    const script = document.createElement('script');
    script.src = BUNDLE;
    script.onload = start;
    script.onerror = () => setFailed(true);
    document.body.appendChild(script);
  }, [documentUrl]);

  return (
    <>
      {failed && (
        <p role="alert">
          The interactive docs could not load; <a href={documentUrl}>the document itself</a> is still available.
        </p>
      )}
      <div ref={mount} className="api-docs" data-testid="api-docs" />
    </>
  );
}
