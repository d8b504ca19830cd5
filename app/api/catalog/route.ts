import { NextResponse } from "next/server";
import { loadCatalog } from "@/lib/catalog/load-catalog";
import { prisma } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(async () =>
  NextResponse.json({ catalog: await loadCatalog(prisma()) }),
);
