-- CreateEnum
CREATE TYPE "Role" AS ENUM ('MAINTAINER', 'TECH_BOARD', 'SECURITY_TEAM', 'ADMIN');

-- CreateEnum
CREATE TYPE "Flavor" AS ENUM ('DESKTOP', 'SERVER', 'CLOUD');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'NEEDS_INFO', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REVOKED');

-- CreateEnum
CREATE TYPE "Protocol" AS ENUM ('TCP', 'UDP', 'SCTP');

-- CreateEnum
CREATE TYPE "AdvertMechanism" AS ENUM ('MDNS', 'SSDP', 'OTHER');

-- CreateEnum
CREATE TYPE "DataLevel" AS ENUM ('MACHINE', 'APPLICATION');

-- CreateEnum
CREATE TYPE "AppArmorMode" AS ENUM ('ENFORCE', 'COMPLAIN', 'NONE');

-- CreateEnum
CREATE TYPE "Answer" AS ENUM ('YES', 'NO');

-- CreateEnum
CREATE TYPE "ReviewBody" AS ENUM ('BOARD', 'SECURITY');

-- CreateEnum
CREATE TYPE "SignoffDecision" AS ENUM ('APPROVE', 'REJECT', 'ABSTAIN');

-- CreateEnum
CREATE TYPE "AuditType" AS ENUM ('REQUEST_CREATED', 'DRAFT_UPDATED', 'REQUEST_SUBMITTED', 'REQUEST_REVISED', 'INFO_REQUESTED', 'REQUEST_RESUBMITTED', 'SIGNOFF_RECORDED', 'REQUEST_APPROVED', 'REQUEST_REJECTED', 'REQUEST_WITHDRAWN', 'REQUEST_REVOKED', 'COMMENT_ADDED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Series" (
    "codename" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "isLts" BOOLEAN NOT NULL DEFAULT false,
    "supported" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "Series_pkey" PRIMARY KEY ("codename")
);

-- CreateTable
CREATE TABLE "ExceptionRequest" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "status" "RequestStatus" NOT NULL DEFAULT 'DRAFT',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "submitterId" TEXT NOT NULL,
    "packageName" TEXT NOT NULL,
    "packageVersion" TEXT NOT NULL,
    "flavors" "Flavor"[],
    "justification" TEXT NOT NULL,
    "runAsUser" TEXT NOT NULL,
    "isSystemUser" BOOLEAN NOT NULL,
    "groups" TEXT[],
    "capabilities" TEXT[],
    "apparmorMode" "AppArmorMode" NOT NULL DEFAULT 'NONE',
    "apparmorProfile" TEXT NOT NULL DEFAULT '',
    "systemdSandboxing" TEXT[],
    "confinementNotes" TEXT NOT NULL DEFAULT '',
    "complexity" TEXT NOT NULL DEFAULT '',
    "codeQuality" TEXT NOT NULL DEFAULT '',
    "securityContact" TEXT NOT NULL DEFAULT '',
    "cveHistory" TEXT NOT NULL DEFAULT '',
    "qualityNotes" TEXT NOT NULL DEFAULT '',
    "discoversServices" BOOLEAN NOT NULL DEFAULT false,
    "separatesLocalRemote" "Answer",
    "contactsOnlyOnRequest" "Answer",
    "discoveryOffSwitch" TEXT NOT NULL DEFAULT '',
    "submittedAt" TIMESTAMP(3),
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ExceptionRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListeningSocket" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "protocol" "Protocol" NOT NULL,
    "port" INTEGER,
    "bindAddress" TEXT NOT NULL,
    "process" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,

    CONSTRAINT "ListeningSocket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AdvertisedService" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "mechanism" "AdvertMechanism" NOT NULL,
    "serviceType" TEXT NOT NULL,
    "reveals" TEXT NOT NULL,

    CONSTRAINT "AdvertisedService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExposedData" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "item" TEXT NOT NULL,
    "level" "DataLevel" NOT NULL,
    "optIn" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ExposedData_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestRevision" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Signoff" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "body" "ReviewBody" NOT NULL,
    "userId" TEXT NOT NULL,
    "decision" "SignoffDecision" NOT NULL,
    "comment" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Signoff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestReviewer" (
    "requestId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "body" "ReviewBody" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestReviewer_pkey" PRIMARY KEY ("requestId","userId")
);

-- CreateTable
CREATE TABLE "Comment" (
    "id" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "type" "AuditType" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT NOT NULL,
    "actorName" TEXT NOT NULL,
    "actorEmail" TEXT NOT NULL,
    "actorRole" "Role" NOT NULL,
    "fromStatus" "RequestStatus",
    "toStatus" "RequestStatus",
    "revision" INTEGER NOT NULL,
    "payload" JSONB NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ExceptionRequestToSeries" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ExceptionRequestToSeries_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Series_version_key" ON "Series"("version");

-- CreateIndex
CREATE UNIQUE INDEX "ExceptionRequest_number_key" ON "ExceptionRequest"("number");

-- CreateIndex
CREATE INDEX "ExceptionRequest_status_packageName_idx" ON "ExceptionRequest"("status", "packageName");

-- CreateIndex
CREATE INDEX "ExceptionRequest_submitterId_idx" ON "ExceptionRequest"("submitterId");

-- CreateIndex
CREATE INDEX "ListeningSocket_protocol_port_idx" ON "ListeningSocket"("protocol", "port");

-- CreateIndex
CREATE INDEX "ListeningSocket_requestId_idx" ON "ListeningSocket"("requestId");

-- CreateIndex
CREATE INDEX "AdvertisedService_requestId_idx" ON "AdvertisedService"("requestId");

-- CreateIndex
CREATE INDEX "ExposedData_requestId_idx" ON "ExposedData"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "RequestRevision_requestId_number_key" ON "RequestRevision"("requestId", "number");

-- CreateIndex
CREATE INDEX "Signoff_requestId_revision_body_idx" ON "Signoff"("requestId", "revision", "body");

-- CreateIndex
CREATE UNIQUE INDEX "Signoff_requestId_revision_userId_key" ON "Signoff"("requestId", "revision", "userId");

-- CreateIndex
CREATE INDEX "Comment_requestId_createdAt_idx" ON "Comment"("requestId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditEvent_requestId_at_idx" ON "AuditEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "_ExceptionRequestToSeries_B_index" ON "_ExceptionRequestToSeries"("B");

-- AddForeignKey
ALTER TABLE "ExceptionRequest" ADD CONSTRAINT "ExceptionRequest_submitterId_fkey" FOREIGN KEY ("submitterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListeningSocket" ADD CONSTRAINT "ListeningSocket_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExceptionRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AdvertisedService" ADD CONSTRAINT "AdvertisedService_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExceptionRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExposedData" ADD CONSTRAINT "ExposedData_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExceptionRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestRevision" ADD CONSTRAINT "RequestRevision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExceptionRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signoff" ADD CONSTRAINT "Signoff_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExceptionRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Signoff" ADD CONSTRAINT "Signoff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestReviewer" ADD CONSTRAINT "RequestReviewer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExceptionRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestReviewer" ADD CONSTRAINT "RequestReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExceptionRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ExceptionRequest"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ExceptionRequestToSeries" ADD CONSTRAINT "_ExceptionRequestToSeries_A_fkey" FOREIGN KEY ("A") REFERENCES "ExceptionRequest"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ExceptionRequestToSeries" ADD CONSTRAINT "_ExceptionRequestToSeries_B_fkey" FOREIGN KEY ("B") REFERENCES "Series"("codename") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit trail is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
CREATE FUNCTION audit_event_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditEvent is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_no_update_delete
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();

CREATE TRIGGER audit_event_no_truncate
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
