import { oidcSignInAction } from '@/app/login/actions';
import styles from './oidc-sign-in.module.css';

/** "Sign in with <provider>" — rendered only when an OIDC provider is configured. */
export function OidcSignIn({ label, callbackUrl }: { label: string; callbackUrl?: string }) {
  return (
    <form action={oidcSignInAction} className={styles.sso}>
      <span className={styles.or}>or</span>
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? '/'} />
      <button className={`button secondary ${styles.button}`} type="submit">
        {label}
      </button>
    </form>
  );
}
