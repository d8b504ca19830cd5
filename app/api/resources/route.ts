import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { listResources } from "@/lib/resources/find-resources";

export const GET = apiRoute(async ({ user }) =>
  NextResponse.json({ resources: await listResources(prisma(), user.id) }),
);
