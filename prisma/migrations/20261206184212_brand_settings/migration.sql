-- AlterTable
ALTER TABLE "Workspace" ADD COLUMN     "brandHashtags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "brandLink" TEXT,
ADD COLUMN     "brandVoice" TEXT,
ADD COLUMN     "bannedWords" TEXT[] DEFAULT ARRAY[]::TEXT[];
