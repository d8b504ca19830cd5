import { Brand } from "@/components/layout/brand";
import { NotFoundMessage } from "@/components/layout/not-found-message";

/** Renders the 404 page outside the signed-in area, with its own header. */
export default function NotFound() {
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto max-w-6xl px-4 py-3 sm:px-6">
          <Brand />
        </div>
      </header>
      <main id="main" className="px-4 py-8">
        <NotFoundMessage />
      </main>
    </>
  );
}
