-- Reference list of industrial estates (issue 12, engineer "sites"): a handful of real estates whose name,
-- regency and operator were confirmed in the public source recorded in "source" (also named on
-- /tentang-data). No source gave coordinates, so lat/lon stay NULL (a regency centroid is not an estate's
-- location). Platform admins maintain the list at /admin/kawasan.
--
-- Migrations run before the reference data is loaded (lib/db/setup.ts), so the provinces and regencies these
-- rows point at are inserted here first, with their Kemendagri codes and names from data/regions.json; the
-- loader fills in the rest (points, BPS codes) afterwards. ON CONFLICT DO NOTHING everywhere: a database that
-- already has them (or an admin's edit of a site) is left as it is.

INSERT INTO "Province" (code, name) VALUES
  ('32', 'Jawa Barat'),
  ('33', 'Jawa Tengah'),
  ('35', 'Jawa Timur')
ON CONFLICT (code) DO NOTHING;

INSERT INTO "Regency" (code, "provinceCode", name, type) VALUES
  ('32.15', '32', 'Kabupaten Karawang', 'kabupaten'),
  ('32.16', '32', 'Kabupaten Bekasi', 'kabupaten'),
  ('33.24', '33', 'Kabupaten Kendal', 'kabupaten'),
  ('35.14', '35', 'Kabupaten Pasuruan', 'kabupaten'),
  ('35.78', '35', 'Kota Surabaya', 'kota')
ON CONFLICT (code) DO NOTHING;

INSERT INTO "Site" (id, name, kind, "regencyCode", lat, lon, operator, website, source, "createdAt", "updatedAt") VALUES
  ('site_ref_jababeka', 'Kawasan Industri Jababeka', 'industrial_estate', '32.16', NULL, NULL,
   'PT Jababeka Tbk', 'https://www.jababeka.com',
   'https://www.jababeka.com/implementation-of-the-6th-pillar-of-jababeka-industrial-estate-decarbonization-roadmap-jababeka-held-fgd-with-government-tenants/',
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('site_ref_giic_deltamas', 'Greenland International Industrial Center (GIIC), Kota Deltamas', 'industrial_estate', '32.16', NULL, NULL,
   'PT Puradelta Lestari Tbk', NULL,
   'http://properti.kompas.com/read/2016/04/08/223436821/Diminati.Jepang.DMAS.Lengkapi.Kawasan.Industri.dengan.GITET',
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('site_ref_mm2100', 'MM2100 Industrial Town', 'industrial_estate', '32.16', NULL, NULL,
   'PT Megalopolis Manunggal Industrial Development', 'http://mm2100.co.id',
   'http://mm2100.co.id/2018/06/06/kawasan-industri-terbaik-2015/',
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('site_ref_kiic', 'Karawang International Industrial City (KIIC)', 'industrial_estate', '32.15', NULL, NULL,
   'PT Karawang Tatabina Industrial Estate', NULL,
   'https://www.marketscreener.com/quote/stock/ITOCHU-CORPORATION-6491311/news/ITOCHU-Japan-s-Itochu-to-expand-industrial-park-in-Indonesia-36666737/',
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('site_ref_knic', 'Karawang New Industry City (KNIC)', 'industrial_estate', '32.15', NULL, NULL,
   'CFLD International', 'https://knic.co.id',
   'http://en.presidentpost.id/2019/06/21/the-us-300-million-industrial-estates-built-in-karawang/',
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('site_ref_kendal', 'Kawasan Industri Kendal (KIK)', 'industrial_estate', '33.24', NULL, NULL,
   'PT Kawasan Industri Kendal', NULL,
   'https://ekonomi.bisnis.com/read/20131118/257/187084/kawasan-industri-kendal-mencakup-pengembangan-kota-mandiri',
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('site_ref_sier', 'Surabaya Industrial Estate Rungkut (SIER)', 'industrial_estate', '35.78', NULL, NULL,
   'PT Surabaya Industrial Estate Rungkut (SIER)', 'http://sier-pier.com',
   'https://jatim.antaranews.com/berita/683454/menuju-usia-emas-komitmen-sier-jadikan-kawasan-industri-hijau',
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
  ('site_ref_pier', 'Pasuruan Industrial Estate Rembang (PIER)', 'industrial_estate', '35.14', NULL, NULL,
   'PT Surabaya Industrial Estate Rungkut (SIER)', 'http://sier-pier.com',
   'https://jatim.antaranews.com/amp/berita/638477/rangkaian-forum-b20-dirut-sier-paparkan-pengelolaan-kawasan-industri',
   CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;
