import { Brand } from "./brand";
import { MainNav } from "./main-nav";
import { SignOutButton } from "./sign-out-button";

/** Header of every signed-in page: name, navigation, the customer and Sign out. */
export function AppHeader({ userName }: { userName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
        <Brand href="/dashboard" />
        <div className="order-last w-full md:order-none md:w-auto md:flex-1">
          <MainNav />
        </div>
        <div className="ml-auto flex items-center gap-3">
          <span className="hidden max-w-48 truncate text-sm text-slate-700 sm:inline">
            {userName}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
