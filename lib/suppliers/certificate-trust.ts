// When a certificate can be trusted at a moment: a platform admin verified it, and did so by then. The TKDN price
// preference of a quote (lib/quotes) counts a TKDN certificate only if it was verified before the RFQ's
// deadline: one verified afterwards (say, added and approved once the offers were open) earns nothing.
// Pure: used wherever certificates are judged on a date.

interface ReviewedCertificate {
  verificationStatus: string;
  verifiedAt: Date | null;
}

/** Verified, and verified no later than `at`. */
export function verifiedBy(c: ReviewedCertificate, at: Date): boolean {
  return c.verificationStatus === "verified" && c.verifiedAt !== null && c.verifiedAt.getTime() <= at.getTime();
}
