-- AlterTable
ALTER TABLE "ProductImage" ADD COLUMN     "thumbnailFileId" TEXT;

-- AddForeignKey
ALTER TABLE "ProductImage" ADD CONSTRAINT "ProductImage_thumbnailFileId_fkey" FOREIGN KEY ("thumbnailFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
