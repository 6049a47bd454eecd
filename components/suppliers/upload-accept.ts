// The file picker's `accept` hint (client-safe copy of lib/files/upload.ts UPLOAD_ACCEPT; the server checks
// the content whatever the picker allowed).
export const UPLOAD_ACCEPT_ATTRIBUTE = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";
