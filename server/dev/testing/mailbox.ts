import type { MailSender, OutgoingMail } from '../../deps.ts';

/** The mail an API test's app sent, in order: a sender that keeps each message instead of sending it. */
export function recordingMailbox(): { sent: OutgoingMail[]; sender: MailSender } {
  const sent: OutgoingMail[] = [];
  return { sent, sender: { send: async (mail) => void sent.push(structuredClone(mail)) } };
}
