-- Publish outbox rows in commit order, because createdAt can tie within one millisecond.
-- DropIndex
DROP INDEX "OutboxEvent_publishedAt_createdAt_idx";

-- AlterTable
ALTER TABLE "OutboxEvent" ADD COLUMN "sequence" BIGSERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_sequence_key" ON "OutboxEvent"("sequence");

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_sequence_idx" ON "OutboxEvent"("publishedAt", "sequence");
