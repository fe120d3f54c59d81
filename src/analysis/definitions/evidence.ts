// evidence: seizures linked by the same documents, phones or vehicles; forged documents by issuer.
import type { AnalysisDefinition } from '../definition.js';
import { rankedBars } from './charts.js';

export const evidence: AnalysisDefinition = {
  name: 'evidence',
  title: 'Shared evidence',
  question: 'Which seizures share a permit, certificate, airway bill, invoice, phone or vehicle, and which issuers\' documents are forged?',
  options: [],
  views: { fraud: 'documents by issuing country and type, with the share altered or fraudulent' },
  columns: {
    link_type: 'document type, phone or vehicle', value: 'the shared number (spaces and dashes removed)', seizures: 'seizures sharing it',
    seizure_refs: 'their references', countries: 'countries that seized them', first_seen: 'first seizure', last_seen: 'last seizure',
    fraudulent: 'true when the document was reported altered or fraudulent', issuing_country: 'country that issued the document',
  },
  viewColumns: {
    fraud: { issuing_country: 'issuing country', doc_type: 'document type', documents: 'documents', fraudulent: 'altered or fraudulent', fraudulent_pct: 'share fraudulent', seizures: 'seizures' },
  },
  countryColumns: ['issuing_country'],
  chart: (rows, { view }) =>
    view === 'fraud'
      ? rankedBars('Fraudulent documents by issuing country and type', rows.filter((r) => Number(r.fraudulent) > 0).slice(0, 20).map((r) => ({ issuer: `${r.issuing_country} · ${r.doc_type}`, fraudulent: r.fraudulent })), 'issuer', 'fraudulent', 'fraudulent documents')
      : rankedBars('Most shared documents, phones and vehicles', rows.slice(0, 20).map((r) => ({ link: `${r.link_type} ${r.value}`, seizures: r.seizures, type: r.link_type })), 'link', 'seizures', 'seizures linked', 'type'),
};
