-- The billing worker's expiry loop looks for OPEN invoices past expiresAt every second.
-- CreateIndex
CREATE INDEX "Invoice_status_expiresAt_idx" ON "Invoice"("status", "expiresAt");
