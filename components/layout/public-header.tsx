import Link from "next/link";
import { Brand } from "./brand";
import { buttonClass } from "../ui/button-class";

/** Header of the public pages: the name, and sign-in links or the way to the dashboard. */
export function PublicHeader({ signedIn }: { signedIn: boolean }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Brand />
        <nav aria-label="Account">
          <ul className="flex flex-wrap items-center gap-2">
            {signedIn ? (
              <li>
                <Link href="/dashboard" className={buttonClass("primary")}>
                  Go to dashboard
                </Link>
              </li>
            ) : (
              <>
                <li>
                  <Link href="/signin" className={buttonClass("secondary")}>
                    Sign in
                  </Link>
                </li>
                <li>
                  <Link href="/signup" className={buttonClass("primary")}>
                    Create account
                  </Link>
                </li>
              </>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}
