import type { PrismaClient } from "../db/client";
import type { ResourceView } from "../api/views";
import { toResourceView } from "../api/serialize";
import { notFound } from "../domain/errors";
import { isUuid } from "../domain/ids";

/** Returns one of the user's resources; another user's is not found. */
export async function findResource(
  db: PrismaClient,
  userId: string,
  resourceId: string,
): Promise<ResourceView> {
  if (!isUuid(resourceId)) throw notFound("Resource");
  const resource = await db.resource.findFirst({ where: { id: resourceId, userId } });
  if (!resource) throw notFound("Resource");
  return toResourceView(resource);
}

/** Returns the user's resources, newest first. */
export async function listResources(db: PrismaClient, userId: string): Promise<ResourceView[]> {
  const resources = await db.resource.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 500,
  });
  return resources.map(toResourceView);
}
