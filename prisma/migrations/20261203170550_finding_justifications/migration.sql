-- AlterTable
ALTER TABLE "ExceptionRequest" ADD COLUMN     "findingJustifications" JSONB NOT NULL DEFAULT '{}';
