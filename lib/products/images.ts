// Product photos: JPEG, PNG or WebP decided by the CONTENT (the shared magic-byte checks of lib/files/upload.ts,
// then a real decode with sharp),
// never by the file name or the browser's Content-Type; at most 5 MB and 40 megapixels in; stored re-encoded
// (which also drops EXIF metadata such as GPS positions) as a JPEG of at most 1200 px plus a 320 px
// thumbnail, in PostgreSQL (StoredFile, ADR 0003). Served publicly by GET /api/v1/products/{id}/images/{imageId}
// only while the product is in the catalogue.
//
// Two phases, like lib/files/upload.ts: prepareProductImage() validates and resizes before any
// transaction (a refused photo changes nothing); storeProductImage() writes inside the caller's transaction.
import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { Prisma } from "@/lib/db/generated/client";
import { readCheckedUpload, safeBaseName, type SniffedMime } from "@/lib/files/upload";
import { invalidInput } from "@/lib/errors";

const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PHOTOS_PER_PRODUCT = 6;
const PHOTO_MAX_PX = 1200;
const THUMBNAIL_PX = 320;
const MAX_INPUT_PIXELS = 40_000_000;

const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const satisfies readonly SniffedMime[];

export interface PhotoSource {
  readonly size: number;
  readonly name?: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * A chosen file. An empty file input submits an empty File whose name depends on the browser and the
 * transport ("", "blob", "undefined"): any zero-byte file means "no photo".
 */
export function isPhotoPresent(v: unknown): v is PhotoSource {
  if (!v || typeof v !== "object" || typeof (v as Blob).arrayBuffer !== "function") return false;
  return (v as PhotoSource).size > 0;
}

interface Encoded {
  content: Uint8Array<ArrayBuffer>;
  sizeBytes: number;
  sha256: string;
}

interface PreparedPhoto {
  filename: string;
  photo: Encoded;
  thumbnail: Encoded;
}

function encoded(buf: Buffer): Encoded {
  const content = new Uint8Array(new ArrayBuffer(buf.length));
  content.set(buf);
  return { content, sizeBytes: buf.length, sha256: createHash("sha256").update(buf).digest("hex") };
}

/** Validates, decodes and resizes one photo; invalid_input on `field` when it is not a usable image. */
export async function prepareProductImage(file: PhotoSource, field = "photos"): Promise<PreparedPhoto> {
  // The same size and content-type checks as every other upload (lib/files/upload.ts), with photo messages.
  const { content: bytes } = await readCheckedUpload(file, {
    field,
    maxBytes: MAX_PHOTO_BYTES,
    accept: PHOTO_TYPES,
    refusals: { tooLarge: "products.errors.photoTooLarge", empty: "products.errors.photoEmpty", type: "products.errors.photoType" },
  });
  try {
    const input = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).rotate(); // honour EXIF orientation
    const [photo, thumbnail] = await Promise.all([
      input
        .clone()
        .resize(PHOTO_MAX_PX, PHOTO_MAX_PX, { fit: "inside", withoutEnlargement: true })
        .flatten({ background: "#ffffff" })
        .jpeg({ quality: 82, mozjpeg: true })
        .toBuffer(),
      input
        .clone()
        .resize(THUMBNAIL_PX, THUMBNAIL_PX, { fit: "cover" })
        .flatten({ background: "#ffffff" })
        .jpeg({ quality: 78 })
        .toBuffer(),
    ]);
    return { filename: `${safeBaseName(file.name, "foto-produk", 80)}.jpg`, photo: encoded(photo), thumbnail: encoded(thumbnail) };
  } catch {
    // Right magic bytes but not a decodable image (truncated, corrupt, or a disguised file).
    throw invalidInput({ [field]: ["products.errors.photoType"] });
  }
}

type Tx = Pick<Prisma.TransactionClient, "storedFile" | "productImage">;

/** Stores a prepared photo and its thumbnail for a product of `organizationId` (inside the caller's transaction). */
export async function storeProductImage(
  tx: Tx,
  owner: { organizationId: string; uploadedById: string | null; productId: string; position: number },
  prepared: PreparedPhoto,
) {
  const file = (e: Encoded, filename: string) =>
    tx.storedFile.create({
      data: {
        organizationId: owner.organizationId,
        uploadedById: owner.uploadedById,
        kind: "product_image",
        filename,
        mimeType: "image/jpeg",
        sizeBytes: e.sizeBytes,
        sha256: e.sha256,
        content: e.content,
      },
      select: { id: true },
    });
  const photo = await file(prepared.photo, prepared.filename);
  const thumb = await file(prepared.thumbnail, prepared.filename.replace(/\.jpg$/, "-kecil.jpg"));
  return tx.productImage.create({
    data: { productId: owner.productId, fileId: photo.id, thumbnailFileId: thumb.id, position: owner.position },
    select: { id: true },
  });
}
