import { describe, expect, it } from 'vitest';
import { campaignLanguage, dateInWords, prizeFor, SHORT_MAX, WINNER_LANGUAGES, winnerMessage, type WinnerFacts } from './winner-messages.ts';

const CLAIM_BY = Date.UTC(2026, 11, 20, 23, 30);
const PROOF = 'https://vitrine.lumen.example/v1/campaigns/summer-contest-2026/draw';
const base: WinnerFacts = {
  language: 'en',
  brandName: 'Maison Lumen',
  brandHandle: 'maisonlumen',
  campaignName: 'Summer contest',
  author: 'clara.home',
  prize: 'A Lumen table lamp',
  method: 'draw',
  entries: 42,
  claimBy: CLAIM_BY,
  proofUrl: PROOF,
  instagram: true,
};

const LONGEST = {
  // The schema's limits: a campaign's name 100, a prize 200, an Instagram handle 30.
  campaignName: 'Ü'.repeat(99) + '😀',
  prize: 'é'.repeat(199) + '🎁',
  author: 'a'.repeat(30),
  // A campaign id of 48 characters on a long public address.
  proofUrl: `https://ugc.a-rather-long-brand-name-store.example/v1/campaigns/${'x'.repeat(48)}/draw`,
};

/** Every combination of the facts that change the words. */
function* everyCombination(): Generator<WinnerFacts> {
  for (const language of WINNER_LANGUAGES)
    for (const method of ['draw', 'jury'] as const)
      for (const author of [null, 'clara.home', LONGEST.author])
        for (const prize of [null, 'A lamp', LONGEST.prize])
          for (const campaignName of ['Summer contest', LONGEST.campaignName])
            for (const brandHandle of [null, 'maisonlumen'])
              for (const instagram of [true, false])
                for (const entries of method === 'draw' ? [null, 1, 42] : [null])
                  for (const proofUrl of [PROOF, LONGEST.proofUrl]) yield { ...base, language, method, author, prize, campaignName, brandHandle, instagram, entries, proofUrl };
}

const GREETING = { en: 'Congratulations', fr: 'Félicitations' };
const DEADLINE = { en: '20 December 2026', fr: '20 décembre 2026' };

describe('winnerMessage, over every combination', () => {
  const all = [...everyCombination()];

  it('covers them all', () => expect(all.length).toBe(2 * (3 + 1) * 3 * 3 * 2 * 2 * 2 * 2));

  it.each(WINNER_LANGUAGES)('in %s, says congratulations, the prize, how and by when to claim, and links the proof', (language) => {
    for (const facts of all.filter((f) => f.language === language)) {
      const { text, subject, html } = winnerMessage(facts);
      const label = JSON.stringify(facts);
      expect(text.startsWith(GREETING[language]), label).toBe(true);
      expect(subject, label).toContain(facts.campaignName);
      expect(text, label).toContain(facts.campaignName);
      if (facts.prize) expect(text, label).toContain(facts.prize);
      expect(text, label).toContain(DEADLINE[language]);
      expect(text, label).toContain(facts.proofUrl);
      expect(text, label).toContain(facts.brandName);
      if (facts.author) expect(text, label).toContain(`@${facts.author}`);
      // How to claim: a DM to the brand's account on Instagram, or a reply.
      const viaInstagram = facts.instagram && facts.brandHandle !== null;
      expect(text.includes(`@${facts.brandHandle}`), label).toBe(viaInstagram);
      expect(/reply to this message|répondez à ce message/.test(text), label).toBe(!viaInstagram);
      if (facts.entries !== null) expect(text, label).toContain(`${facts.entries} `);
      expect(html, label).toContain(`<a href="${facts.proofUrl}">${facts.proofUrl}</a>`);
    }
  });

  it(`gives Instagram entrants, and only them, a short text of at most ${SHORT_MAX} characters with the deadline and the whole link`, () => {
    for (const facts of all) {
      const { short, language } = winnerMessage(facts);
      const label = JSON.stringify(facts);
      if (!facts.instagram) {
        expect(short, label).toBeNull();
        continue;
      }
      expect(short!.length, label).toBeLessThanOrEqual(SHORT_MAX);
      expect(short!.startsWith(GREETING[language]), label).toBe(true);
      expect(short, label).toContain(DEADLINE[language]);
      expect(short!.endsWith(facts.proofUrl), label).toBe(true);
      // One mention at most (the winner), no hashtag: a person's reply, not a promotion.
      expect(short!.match(/@/g)?.length ?? 0, label).toBe(facts.author ? 1 : 0);
      expect(short, label).not.toContain('#');
      expect(short, label).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
  });

  it('keeps the prize and the name in the short text when they fit, and lets the prize go first', () => {
    expect(winnerMessage(base).short).toBe(`Congratulations @clara.home! You won A Lumen table lamp in Summer contest 🎉 To claim it, send us a DM by 20 December 2026. Proof: ${PROOF}`);
    expect(winnerMessage({ ...base, language: 'fr' }).short).toBe(`Félicitations @clara.home ! Vous avez gagné A Lumen table lamp (Summer contest) 🎉 Pour le recevoir, écrivez-nous en message privé avant le 20 décembre 2026. Preuve : ${PROOF}`);
    const long = winnerMessage({ ...base, prize: LONGEST.prize }).short!;
    expect(long).not.toContain('éé');
    expect(long).toContain('in Summer contest');
    const longest = winnerMessage({ ...base, ...LONGEST, language: 'fr' }).short!;
    expect(longest).toMatch(/\(Ü+…\)/);
    expect(longest.length).toBeLessThanOrEqual(SHORT_MAX);
  });
});

describe('the whole message', () => {
  it('reads as written in English, for a drawn winner on Instagram', () => {
    const m = winnerMessage(base);
    expect(m.subject).toBe('You won in Summer contest!');
    expect(m.text).toBe(
      [
        'Congratulations @clara.home!',
        'Your entry to Summer contest was drawn as a winner among 42 eligible entries. You win: A Lumen table lamp.',
        'To claim your prize, send a direct message to @maisonlumen on Instagram with your full name and where to send it, by 20 December 2026. After that date the prize may no longer be available.',
        `The draw is public and anyone can check it: ${PROOF}`,
        'Thank you for taking part,\nMaison Lumen',
      ].join('\n\n'),
    );
  });

  it('reads as written in French, for a jury pick entered without Instagram', () => {
    const m = winnerMessage({ ...base, language: 'fr', method: 'jury', entries: null, instagram: false, author: null, prize: null });
    expect(m.subject).toBe('Vous avez gagné : Summer contest !');
    expect(m.text).toBe(
      [
        'Félicitations !',
        'Notre jury a choisi votre participation à Summer contest. Vous faites partie des gagnants.',
        "Pour recevoir votre lot, répondez à ce message avec vos nom et prénom et l'adresse où l'envoyer, avant le 20 décembre 2026. Passé cette date, le lot pourrait ne plus être disponible.",
        `Le résultat est public : ${PROOF}`,
        'Merci de votre participation,\nMaison Lumen',
      ].join('\n\n'),
    );
    expect(m.short).toBeNull();
  });

  it('counts one entry in the singular', () => {
    expect(winnerMessage({ ...base, entries: 1 }).text).toContain('among 1 eligible entry.');
    expect(winnerMessage({ ...base, language: 'fr', entries: 1 }).text).toContain('parmi 1 participation éligible.');
    expect(winnerMessage({ ...base, language: 'fr', entries: 3 }).text).toContain('parmi 3 participations éligibles.');
  });

  it('keeps text as text in the HTML: names, prizes and handles are escaped', () => {
    const hostile = '<img src=x onerror="alert(1)"> & co';
    const { html, text } = winnerMessage({ ...base, campaignName: hostile, prize: hostile, brandName: hostile });
    expect(text).toContain(hostile);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co');
    expect(html.match(/<a /g)).toHaveLength(1);
    expect(html).toContain('Thank you for taking part,<br>');
  });
});

describe('dateInWords', () => {
  it('writes the UTC date in each language, with French "1er"', () => {
    expect(dateInWords(Date.UTC(2027, 0, 1, 0, 0), 'en')).toBe('1 January 2027');
    expect(dateInWords(Date.UTC(2027, 0, 1, 0, 0), 'fr')).toBe('1er janvier 2027');
    expect(dateInWords(Date.UTC(2026, 7, 31, 23, 59), 'fr')).toBe('31 août 2026');
    for (let month = 0; month < 12; month++) expect(dateInWords(Date.UTC(2026, month, 15), 'en')).toMatch(/^15 [A-Z][a-z]+ 2026$/);
  });
});

describe('campaignLanguage', () => {
  it('is the first-published rules language Vitrine writes winners in, else English', () => {
    expect(campaignLanguage(['fr', 'en'])).toBe('fr');
    expect(campaignLanguage(['en', 'fr'])).toBe('en');
    expect(campaignLanguage(['de', 'fr'])).toBe('fr');
    expect(campaignLanguage(['it'])).toBe('en');
    expect(campaignLanguage([])).toBe('en');
  });
});

describe('prizeFor', () => {
  it('gives each rank its prize, a shared prize to all, or none', () => {
    expect(prizeFor(['Lamp', 'Vase', 'Candle'], 1)).toBe('Lamp');
    expect(prizeFor(['Lamp', 'Vase', 'Candle'], 3)).toBe('Candle');
    expect(prizeFor(['Lamp', 'Vase'], 3)).toBe('Vase');
    expect(prizeFor(['A lamp each'], 5)).toBe('A lamp each');
    expect(prizeFor([], 1)).toBeNull();
  });
});
