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
import { t, formatDate } from '../../i18n/i18n.ts';

const ROLE_NAMES: Role[] = ['owner', 'merchandiser', 'analyst'];
const roleOptions = () => Object.fromEntries(ROLE_NAMES.map((role) => [role, t(`members.roleOption.${role}`)]));

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
      announce(t('common.nothingChanged', { reason: messageOf(e) }), false);
    }
    await reload();
  };

  return (
    <section aria-labelledby="members-title" class="page narrow">
      <h1 id="members-title">{t('nav.members')}</h1>
      {error && <p role="alert">{t('members.loadFailed', { reason: error })}</p>}
      {data && (
        <DataTable
          rows={data.members}
          rowKey={(member) => member.userId}
          columns={[
            { label: t('members.name'), cell: (member) => member.name },
            { label: t('signIn.email'), cell: (member) => member.email },
            {
              label: t('members.role'),
              cell: (member) =>
                editable ? (
                  <select
                    aria-label={t('members.roleOf', { email: member.email })}
                    value={member.role}
                    onChange={(e) => {
                      const role = e.currentTarget.value as Role;
                      void act(t('members.nowRole', { email: member.email, role: t(`role.${role}`) }), () => api.changeRole(member.userId, role));
                    }}
                  >
                    {ROLE_NAMES.map((role) => (
                      <option key={role} value={role}>
                        {t(`role.${role}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  t(`role.${member.role}`)
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
                    onClick={() => confirm(t('members.confirmRemove', { email: member.email })) && void act(t('members.removed', { email: member.email }), () => api.removeMember(member.userId))}
                  >
                    {t('tagger.remove')}
                  </button>
                ),
            },
          ]}
        />
      )}
      {data && data.invitations.length > 0 && (
        <>
          <h2>{t('members.pending')}</h2>
          <ul class="plain">
            {data.invitations.map((invitation) => (
              <li key={invitation.id}>
                {t('members.invitation', { email: invitation.email, role: t(`role.${invitation.role}`), date: formatDate(invitation.expiresAt) })}
              </li>
            ))}
          </ul>
        </>
      )}
      {editable && (
        <form class="card stack" onSubmit={invite.onSubmit} aria-labelledby="invite-title">
          <h2 id="invite-title">{t('members.invite')}</h2>
          <FormError error={invite.error} />
          <div class="row">
            <Field form={invite} name="email" label={t('signIn.email')} type="email" required />
            <SelectField form={invite} name="role" label={t('members.role')} options={roleOptions()} defaultValue="merchandiser" />
          </div>
          <button type="submit" class="primary" disabled={invite.busy}>
            {t('members.createLink')}
          </button>
          {inviteLink && <CopyField label={t('members.link')} value={inviteLink} />}
        </form>
      )}
    </section>
  );
}
