// evidence: seizures linked by the same documents, phones or vehicles; forged documents by issuer.
// --redact replaces each shared number by its keyed pseudonym, so links stay visible and joinable
// across shared outputs while the numbers themselves stay home.
import type { AnalysisDefinition } from '../definition.js';
import { pseudonym, redactionKey } from '../pseudonyms.js';
import { rankedBars } from './charts.js';

export const evidence: AnalysisDefinition = {
  name: 'evidence',
  title: 'Shared evidence',
  question: "Which seizures share a permit, certificate, airway bill, invoice, phone or vehicle, and which issuers' documents are forged?",
  options: [
    {
      flags: '--redact',
      key: 'redact',
      description: 'replace phones, plates and document numbers with stable keyed pseudonyms',
      default: false,
      type: 'boolean',
    },
  ],
  views: { fraud: 'documents by issuing country and type, with the share altered or fraudulent' },
  columns: {
    link_type: 'document type, phone or vehicle',
    value: 'the shared number (spaces and dashes removed; a keyed pseudonym with --redact)',
    seizures: 'seizures sharing it',
    seizure_refs: 'their references',
    countries: 'countries that seized them',
    first_seen: 'first seizure',
    last_seen: 'last seizure',
    fraudulent: 'true when the document was reported altered or fraudulent',
    issuing_country: 'country that issued the document',
  },
  viewColumns: {
    fraud: {
      issuing_country: 'issuing country',
      doc_type: 'document type',
      documents: 'documents',
      fraudulent: 'altered or fraudulent',
      fraudulent_pct: 'share fraudulent',
      seizures: 'seizures',
    },
  },
  countryColumns: ['issuing_country'],
  postProcess: async (rows, { options, view }) => {
    if (!options.redact || view !== 'default') return rows;
    const key = await redactionKey();
    // The kind of number is the link type's first word: 'document: cites permit' → document.
    return rows.map((r) => ({ ...r, value: pseudonym(key, String(r.link_type).split(':')[0], String(r.value)) }));
  },
  chart: (rows, { view }) =>
    view === 'fraud'
      ? rankedBars(
          'Fraudulent documents by issuing country and type',
          rows
            .filter((r) => Number(r.fraudulent) > 0)
            .slice(0, 20)
            .map((r) => ({ issuer: `${r.issuing_country} · ${r.doc_type}`, fraudulent: r.fraudulent })),
          'issuer',
          'fraudulent',
          'fraudulent documents',
        )
      : rankedBars(
          'Most shared documents, phones and vehicles',
          rows.slice(0, 20).map((r) => ({ link: `${r.link_type} ${r.value}`, seizures: r.seizures, type: r.link_type })),
          'link',
          'seizures',
          'seizures linked',
          'type',
        ),
};
