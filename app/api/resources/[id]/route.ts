import { NextResponse } from "next/server";
import { prisma } from "@/lib/db/client";
import { apiRoute } from "@/lib/http/api-route";
import { findResource } from "@/lib/resources/find-resources";

export const GET = apiRoute<{ id: string }>(async ({ user, params }) =>
  NextResponse.json({ resource: await findResource(prisma(), user.id, params.id) }),
);
