import { useStore } from '@nanostores/preact';
import { useEffect, useState } from 'preact/hooks';
import type { Role } from '../../../shared/admin-types.ts';
import type { Invitation, Member } from '../../../shared/admin-types.ts';
import { api, messageOf } from '../../api.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { Field, FormError, SelectField, text, useSubmit } from '../../components/form.tsx';
import { DataTable } from '../../components/table.tsx';
import { announce } from '../../stores/announcer.ts';
import { $session, can } from '../../stores/session.ts';

const ROLES: Record<Role, string> = {
  owner: 'Owner — everything',
  merchandiser: 'Merchandiser — moderation, rights, products, galleries',
  analyst: 'Analyst — reports, read-only',
};
const ROLE_NAMES = Object.keys(ROLES) as Role[];

/** Who is in the workspace; owners invite, change roles and remove members. */
export function MembersPage() {
  const session = useStore($session);
  const editable = can(session, 'configure');
  const [data, setData] = useState<{ members: Member[]; invitations: Invitation[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inviteLink, setInviteLink] = useState<string | null>(null);
  const reload = () => api.members().then(setData, (e: unknown) => setError(messageOf(e)));
  useEffect(() => void reload(), []);

  const invite = useSubmit(async (form, element) => {
    const { acceptUrl } = await api.invite({ email: text(form, 'email'), role: text(form, 'role') as Role });
    setInviteLink(acceptUrl);
    element.reset();
    await reload();
  });
  const act = async (what: string, action: () => Promise<void>) => {
    try {
      await action();
      announce(what, false);
    } catch (e) {
      announce(`Nothing changed: ${messageOf(e)}`, false);
    }
    await reload();
  };

  return (
    <section aria-labelledby="members-title" class="page narrow">
      <h1 id="members-title">Members</h1>
      {error && <p role="alert">Could not load the members: {error}</p>}
      {data && (
        <DataTable
          rows={data.members}
          rowKey={(member) => member.userId}
          columns={[
            { label: 'Name', cell: (member) => member.name },
            { label: 'Email', cell: (member) => member.email },
            {
              label: 'Role',
              cell: (member) =>
                editable ? (
                  <select
                    aria-label={`Role of ${member.email}`}
                    value={member.role}
                    onChange={(e) => {
                      const role = e.currentTarget.value as Role;
                      void act(`${member.email} is now ${role}.`, () => api.changeRole(member.userId, role));
                    }}
                  >
                    {ROLE_NAMES.map((role) => (
                      <option key={role} value={role}>
                        {role}
                      </option>
                    ))}
                  </select>
                ) : (
                  member.role
                ),
            },
            {
              label: '',
              cell: (member) =>
                editable &&
                member.userId !== session?.user.id && (
                  <button
                    type="button"
                    class="link danger"
                    onClick={() => confirm(`Remove ${member.email} from the workspace?`) && void act(`Removed ${member.email}.`, () => api.removeMember(member.userId))}
                  >
                    Remove
                  </button>
                ),
            },
          ]}
        />
      )}
      {data && data.invitations.length > 0 && (
        <>
          <h2>Pending invitations</h2>
          <ul class="plain">
            {data.invitations.map((invitation) => (
              <li key={invitation.id}>
                {invitation.email} as {invitation.role}, until {new Date(invitation.expiresAt).toLocaleDateString()}
              </li>
            ))}
          </ul>
        </>
      )}
      {editable && (
        <form class="card stack" onSubmit={invite.onSubmit} aria-labelledby="invite-title">
          <h2 id="invite-title">Invite someone</h2>
          <FormError error={invite.error} />
          <div class="row">
            <Field form={invite} name="email" label="Email" type="email" required />
            <SelectField form={invite} name="role" label="Role" options={ROLES} defaultValue="merchandiser" />
          </div>
          <button type="submit" class="primary" disabled={invite.busy}>
            Create invitation link
          </button>
          {inviteLink && <CopyField label="Send this link to the person you invite (it works once, for 7 days)" value={inviteLink} />}
        </form>
      )}
    </section>
  );
}
