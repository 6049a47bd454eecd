"use client";
// The member list of the team page: name, e-mail, role; for owners and admins a role change and a remove
// button per member (the server decides again: an admin cannot touch an owner, the last owner stays).
// A list, not a table, so it reads well on a phone.
import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "@/lib/i18n/client";
import { Alert, Badge, Button, Select } from "@/components/ui";
import type { MemberRole } from "@/lib/auth/types";
import { changeMemberRoleAction, removeMemberAction } from "@/lib/organizations/actions";

interface TeamMember {
  userId: string;
  name: string;
  email: string;
  role: MemberRole;
}

interface Props {
  members: TeamMember[];
  viewer: { userId: string; role: MemberRole; canManage: boolean; assignableRoles: MemberRole[] };
}

export function TeamMembers({ members, viewer }: Props) {
  const t = useTranslations("members.list");
  const tr = useTranslations("roles");
  return (
    <ul className="divide-y divide-line" aria-label={t("title")}>
      {members.map((m) => {
        const touchable = viewer.canManage && m.userId !== viewer.userId && (viewer.role === "owner" || m.role !== "owner");
        return (
          <li key={m.userId} className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <div className="min-w-0">
                <p className="font-medium text-ink">
                  {m.name} {m.userId === viewer.userId && <span className="text-sm font-normal text-muted">({t("you")})</span>}
                </p>
                <p className="text-sm break-all text-muted">{m.email}</p>
              </div>
              <Badge tone={m.role === "owner" ? "brand" : m.role === "member" ? "neutral" : "info"}>{tr(m.role)}</Badge>
            </div>
            {touchable && <MemberControls member={m} roles={viewer.assignableRoles} />}
          </li>
        );
      })}
    </ul>
  );
}

function MemberControls({ member, roles }: { member: TeamMember; roles: MemberRole[] }) {
  const t = useTranslations("members.list");
  const tr = useTranslations("roles");
  const router = useRouter();
  const [role, setRole] = useState<MemberRole>(member.role);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [pending, start] = useTransition();

  const save = () =>
    start(async () => {
      const r = await changeMemberRoleAction({ userId: member.userId, role });
      const text = r.ok ? t("roleSaved", { name: member.name, role: tr(role) }) : r.error.message;
      setMessage({ tone: r.ok ? "success" : "danger", text });
      if (r.ok) router.refresh();
    });
  const remove = () => {
    if (!window.confirm(t("removeConfirm", { name: member.name }))) return;
    start(async () => {
      const r = await removeMemberAction({ userId: member.userId });
      if (r.ok) router.refresh();
      else setMessage({ tone: "danger", text: r.error.message });
    });
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap items-end gap-2">
        <Select
          label={t("roleFor", { name: member.name })}
          value={role}
          onChange={(e) => setRole(e.target.value as MemberRole)}
          options={roles.map((r) => ({ value: r, label: tr(r) }))}
          className="min-w-40 grow sm:grow-0"
        />
        <Button variant="secondary" onClick={save} disabled={pending || role === member.role}>
          {t("saveRole")}
        </Button>
        <Button variant="danger" onClick={remove} disabled={pending}>
          {t("remove")}
        </Button>
      </div>
      {message && (
        <div role="status" aria-live="polite">
          <Alert tone={message.tone}>{message.text}</Alert>
        </div>
      )}
    </div>
  );
}
