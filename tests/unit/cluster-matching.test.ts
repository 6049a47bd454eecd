// Cluster and estate affinity in matching (issue 12, docs/decisions/0029-cluster-rfqs.md) without a database:
// the "member of cluster" and "same industrial estate" reasons appear exactly when the signals carry them, lead
// the list, are labelled in both languages and add no points (the score is unchanged); consortium proposals
// fill a group from one cluster's members first, the RFQ's own cluster before another.
import { describe, expect, it } from "vitest";
import { reasonsOf, scoreOf, type MatchSignals } from "@/lib/matching/signals";
import { planConsortia, type PoolMember } from "@/lib/matching/consortium-plan";
import { reasonLabel } from "@/lib/matching/labels";
import { consortiumReasonLabel, consortiumReasons } from "@/lib/matching/responses";

const base: MatchSignals = {
  kbliLevel: 4,
  kbliMatched: "29100",
  rfqKbli: "29101",
  words: ["braket", "rangka"],
  wordHits: [3, 1],
  requiredCertifications: [],
  certUntil: {},
  deadlineDate: "2026-12-20",
  minTkdn: null,
  tkdn: null,
  capacity: 100,
  quantity: 400,
  unit: "buah",
  km: 30,
  sameRegency: false,
  regencyName: "Kabupaten Bekasi",
  verified: true,
  completedAgreements: 0,
  deliveries: 0,
  onTimeDeliveries: 0,
};

describe("affinity reasons", () => {
  it("appear only when the signals carry them, first, with no points and no change to the score", () => {
    expect(reasonsOf(base).map((r) => r.code)).not.toContain("cluster_member");
    expect(reasonsOf({ ...base, clusters: [], estate: null }).map((r) => r.code)).toEqual(reasonsOf(base).map((r) => r.code));
    const s: MatchSignals = {
      ...base,
      clusters: [
        { name: "Klaster Motor Listrik Jabar", via: "rfq" },
        { name: "Klaster Logam Deltamas", via: "anchor" },
      ],
      estate: "Kawasan Industri Jababeka",
    };
    const reasons = reasonsOf(s);
    expect(reasons.slice(0, 3).map((r) => [r.code, r.points])).toEqual([
      ["cluster_member", 0],
      ["cluster_member", 0],
      ["same_estate", 0],
    ]);
    expect(scoreOf(s)).toBe(scoreOf(base));
    expect(reasonLabel("id", reasons[0])).toBe("Anggota klaster Klaster Motor Listrik Jabar (RFQ ini untuk klaster tersebut)");
    expect(reasonLabel("en", reasons[1])).toBe("Member of the cluster Klaster Logam Deltamas (this buyer anchors it)");
    expect(reasonLabel("id", reasons[2])).toBe("Di kawasan yang sama dengan pembeli: Kawasan Industri Jababeka");
    expect(reasonLabel("en", reasons[2])).toBe("In the same industrial estate as the buyer: Kawasan Industri Jababeka");
  });
});

const member = (id: string, capacity: number, score: number, clusters: { id: string; name: string }[] = [], lat = -6.3): PoolMember => ({
  id,
  name: `UMKM ${id}`,
  score,
  capacity,
  lat,
  lon: 107.1,
  regencyName: "Kabupaten Bekasi",
  cooperatives: id === "c1" || id === "c2" ? [{ id: "coop", name: "Koperasi Logam" }] : [],
  clusters,
});

describe("consortium proposals prefer one cluster", () => {
  const own = { id: "k-own", name: "Klaster Motor Listrik" };
  const other = { id: "k-other", name: "Klaster Lain" };
  const pool = [
    member("c1", 250, 95), // a cooperative pair with the highest scores
    member("c2", 250, 94),
    member("o1", 200, 70, [other]),
    member("o2", 200, 71, [other]),
    member("k1", 200, 60, [own]),
    member("k2", 150, 61, [own]),
    member("k3", 100, 62, [own]),
  ];

  it("a group filled from the RFQ's own cluster comes first, then another cluster, then the cooperative", () => {
    const plans = planConsortia(pool, 400, { clusterId: own.id });
    expect(plans.map((p) => [p.kind, p.cluster?.id ?? p.cooperative?.id ?? null])).toEqual(
      expect.arrayContaining([
        ["cluster", "k-own"],
        ["cluster", "k-other"],
        ["cooperative", "coop"],
      ]),
    );
    expect(plans[0].kind).toBe("cluster");
    expect(plans[0].cluster).toEqual(own);
    expect(plans[0].members.every((m) => ["k1", "k2", "k3"].includes(m.id))).toBe(true);
    expect(plans[0].members.reduce((a, m) => a + m.shareQuantity, 0)).toBe(400);
    expect(plans[1].cluster).toEqual(other);
    expect(consortiumReasons(plans[0], "buah").map((r) => consortiumReasonLabel("id", r))).toContain(
      "Semua anggota klaster Klaster Motor Listrik",
    );
  });

  it("a group that is both one cluster's and one cooperative's members is proposed once, naming both", () => {
    // The demo batik cooperative's members are also the Pekalongan batik cluster's: the buyer must still see
    // the cooperative (its aggregator) on the proposal the cluster's group took.
    const coopInCluster = pool.map((m) => (m.cooperatives.length ? { ...m, clusters: [own] } : { ...m, clusters: [] }));
    const plans = planConsortia(coopInCluster, 400, { clusterId: own.id });
    const both = plans.filter((p) => p.key === "m:c1+c2");
    expect(both).toHaveLength(1);
    expect(both[0].kind).toBe("cluster");
    expect(both[0].cluster).toEqual(own);
    expect(both[0].cooperative).toEqual({ id: "coop", name: "Koperasi Logam" });
    expect(consortiumReasons(both[0], "buah").map((r) => consortiumReasonLabel("id", r))).toEqual(
      expect.arrayContaining(["Semua anggota klaster Klaster Motor Listrik", "Semua anggota Koperasi Logam"]),
    );
  });

  it("without clusters the plan is what it was (cooperative first)", () => {
    const plain = pool.map((m) => ({ ...m, clusters: [] }));
    const plans = planConsortia(plain, 400);
    expect(plans[0].kind).toBe("cooperative");
    expect(plans.every((p) => p.cluster === null)).toBe(true);
  });
});
