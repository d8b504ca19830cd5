import type { Metadata } from "next";
import { getServerSession } from "next-auth";
import type { ReactNode } from "react";
import { authOptions } from "@/lib/auth/auth-options";
import { Providers } from "@/lib/client/providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "SwiftCloud", template: "%s · SwiftCloud" },
  description: "Order virtual machines, web services, databases and domains, and watch them start.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions);
  return (
    <html lang="en">
      <body className="min-h-dvh">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-semibold focus:shadow"
        >
          Skip to main content
        </a>
        <Providers session={session}>{children}</Providers>
      </body>
    </html>
  );
}
