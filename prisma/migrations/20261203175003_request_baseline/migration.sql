-- AlterTable
ALTER TABLE "ExceptionRequest" ADD COLUMN     "baselineId" TEXT;

-- AddForeignKey
ALTER TABLE "ExceptionRequest" ADD CONSTRAINT "ExceptionRequest_baselineId_fkey" FOREIGN KEY ("baselineId") REFERENCES "ExceptionRequest"("id") ON DELETE SET NULL ON UPDATE CASCADE;
