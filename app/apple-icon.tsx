// The home-screen icon for iOS (issue 17): Rantai's two chain links on indigo, as a 180 px PNG rendered by
// next/og (the same mark as app/icon.svg).
import { ImageResponse } from "next/og";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

export default function AppleIcon() {
  return new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", background: "#2f3a80" }}>
      <svg width="140" height="140" viewBox="0 0 64 64" fill="none" strokeWidth="6">
        <rect x="8" y="21" width="30" height="22" rx="11" stroke="#ffffff" />
        <rect x="26" y="21" width="30" height="22" rx="11" stroke="#c0772b" />
        <path d="M30 21h2a11 11 0 0 1 6 1.8" stroke="#ffffff" />
      </svg>
    </div>,
    size,
  );
}
