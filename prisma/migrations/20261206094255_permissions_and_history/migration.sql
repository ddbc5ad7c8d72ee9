-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OwnershipChange" ADD VALUE 'status';
ALTER TYPE "OwnershipChange" ADD VALUE 'due';

-- AlterTable
ALTER TABLE "OwnershipEvent" ADD COLUMN     "fromValue" TEXT,
ADD COLUMN     "toValue" TEXT;

-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "adminConfiguredAt" TIMESTAMP(3),
ADD COLUMN     "installerId" TEXT,
ADD COLUMN     "tandemAdmins" TEXT[] DEFAULT ARRAY[]::TEXT[];
