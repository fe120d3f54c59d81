// Français : les mots du rapport annuel et des bulletins (vocabulaire de la CITES : Parties, saisies,
// rapport annuel sur le commerce illégal ; noms des termes CITES tirés de src/reference/cites-terms.csv).
import type { Messages } from './messages.js';

export const fr: Messages = {
  locale: 'fr-FR',
  report: {
    title: (year) => `Rapport annuel sur le commerce illégal : synthèse ${year}`,
    scopeAll: (year) =>
      `Saisies déclarées par toutes les Parties dont les rapports sont chargés, datées de ${year}, comparées à ${year - 1}.`,
    scopeOne: (year, name, code) => `Saisies déclarées par ${name} (${code}), datées de ${year}, comparées à ${year - 1}.`,
    generated: (when) => `Produit par wen le ${when}.`,
    contents: 'Sommaire',
    nothing: 'rien à montrer pour cette année',
    change: (pct, year) => `${pct}\u00a0% par rapport à ${year}`,
    noFigure: (year) => `pas de chiffre pour ${year}`,
    page: (page, pages) => `"Page " ${page} " sur " ${pages}`,
  },
  headline: {
    seizures: 'saisies',
    specimen_records: 'enregistrements de spécimens',
    reporting_parties: 'Parties déclarantes',
    taxa: 'taxons',
    quantity_kg: 'kg saisis',
    value_usd: 'dollars des États-Unis (estimation)',
    seizing_countries: 'pays ayant saisi',
    items: 'articles',
  },
  sections: {
    'reports-received': {
      title: () => 'Rapports reçus par Partie',
      about:
        "Parties dont les données couvrent l'année ou l'année précédente " +
        ": saisies et enregistrements de spécimens déclarés pour l'année, " +
        'et arrivée du rapport avant la date limite (le 31 octobre de ' +
        "l'année suivante). « Reçu » est le jour d'arrivée du rapport, " +
        'enregistré avec wen load --received ou wen sources set ; « chargé ' +
        "» est le jour où wen l'a chargé. Un rapport est dans les délais " +
        "s'il a été reçu, ou chargé, au plus tard à la date limite (un " +
        'fichier est chargé après son arrivée) ; en retard si tous ses ' +
        'fichiers ont été reçus après cette date ; et « date de réception ' +
        "inconnue » s'il a été chargé après la date limite sans date de " +
        "réception. Une Partie qui a fait rapport l'année précédente mais " +
        'pas cette année est indiquée comme manquante.',
    },
    'taxonomic-groups': {
      title: () => 'Saisies et spécimens par groupe taxonomique',
      about:
        'Saisies et enregistrements de spécimens (un enregistrement par ' +
        'espèce, produit et quantité) par grand groupe taxonomique. Une ' +
        'saisie comprenant plusieurs groupes compte une fois dans chacun ' +
        ': les parts peuvent dépasser 100 % au total.',
      chart: (year) => `Saisies par groupe taxonomique, ${year - 1} et ${year}`,
    },
    'top-species': {
      title: () => 'Principales espèces',
      about:
        'Les taxons les plus souvent saisis (spécimens identifiés uniquement), ' +
        'ce qui en a été saisi (les termes CITES les plus fréquents) et ' +
        "leur rang l'année précédente.",
      chart: (year) => `Taxons les plus souvent saisis, ${year}`,
    },
    'top-routes': {
      title: () => 'Principaux itinéraires',
      about:
        'Étapes de la chaîne commerciale (origine → exportation → transit ' +
        '→ destination, telles que données pour chaque saisie) empruntées ' +
        'par le plus grand nombre de saisies ; les pays inconnus sont omis.',
      chart: (year) => `Étapes de la chaîne commerciale les plus empruntées, ${year}`,
    },
    'country-roles': {
      title: () => 'Rôle des pays dans la chaîne commerciale',
      about:
        "Pour chaque pays, le nombre de saisies où il était pays d'origine, " +
        "d'exportation, de transit, de destination, et pays de la saisie. " +
        'Une même saisie peut donner plusieurs rôles à un pays.',
      chart: (year) => `Rôle des pays dans les saisies de l'année, ${year}`,
    },
    'detection-methods': {
      title: () => 'Méthodes de détection',
      about:
        'Comment les saisies ont été détectées, selon les déclarations ' +
        '(libellés normalisés ; une méthode que wen ne reconnaît pas est ' +
        'montrée telle que donnée).',
      chart: (year) => `Saisies par méthode de détection, ${year - 1} et ${year}`,
    },
    'transport-modes': {
      title: () => 'Modes de transport',
      about:
        'Comment les marchandises saisies étaient transportées, selon ' +
        'les déclarations (libellés normalisés ; un mode que wen ne reconnaît ' +
        'pas est montré tel que donné).',
      chart: (year) => `Saisies par mode de transport, ${year - 1} et ${year}`,
    },
    values: {
      title: () => 'Valeurs',
      about:
        'Valeurs estimées des saisies en dollars des États-Unis, converties ' +
        'aux taux moyens annuels (fournis avec wen, approximatifs ; --rates ' +
        'permet de donner des taux officiels). La valeur propre de la ' +
        'saisie est utilisée, sinon la somme des valeurs de ses articles. ' +
        'Les valeurs dans une monnaie ou une année sans taux sont comptées, ' +
        'non additionnées.',
      chart: (year) => `Valeur estimée des saisies par groupe taxonomique, ${year} (USD)`,
    },
    outcomes: {
      title: () => 'Suites judiciaires',
      about:
        "Ce qui a suivi les saisies de l'année, par pays de la saisie " +
        "(les indicateurs de l'ICCWC, comptés comme le fait wen analyze " +
        "outcomes à partir du texte des sanctions et des dates d'arrestation) " +
        ": saisies suivies d'une arrestation, de poursuites (inculpation, " +
        "poursuites ou jugement) et d'une condamnation (condamnation, " +
        'peine privative de liberté ou amende) ; le pourcentage de condamnations ' +
        'porte sur les affaires poursuivies. Seuls figurent les pays où ' +
        "au moins une saisie a une suite : un pays qui n'a décrit aucune " +
        'sanction est inconnu, non nul. Les amendes sont en dollars des ' +
        'États-Unis aux taux du rapport ; les amendes non converties sont ' +
        'celles sans taux.',
      chart: (year) => `Suites judiciaires par pays de la saisie, ${year}`,
    },
    comparison: {
      title: (year) => `Comparaison avec ${year - 1}`,
      about:
        'Chiffres clés des deux années. Une variation du nombre de saisies ' +
        "reflète l'effort de lutte et la déclaration autant que le trafic " +
        ": à lire avec les rapports reçus et l'annexe sur la qualité des données.",
    },
    'data-quality': {
      title: () => 'Annexe : exhaustivité des rapports',
      about:
        'Pour chaque Partie déclarante, la part des saisies renseignant ' +
        'chaque champ clé (comme dans wen analyze data-quality), les valeurs ' +
        'que wen a gardées telles que données, et les lignes rejetées ' +
        'dans les fichiers dont ces saisies proviennent.',
    },
    sources: {
      title: () => 'Annexe : fichiers à la base des chiffres',
      about:
        "Les fichiers dont proviennent les données de l'année et ce que " +
        'le chargeur a fait de leurs lignes : chargées, rejetées avec ' +
        'un motif (wen rejects les énumère), ou chargées avec une valeur ' +
        'gardée telle que donnée.',
    },
    'values-kept-as-given': {
      title: () => 'Annexe : valeurs gardées telles que données',
      about:
        "Valeurs des données de l'année que wen n'a pas pu normaliser " +
        '(pays, unité, monnaie ou terme inconnus). Elles sont gardées ' +
        'telles que données et exclues des comptes qui en ont besoin.',
    },
  },
  columns: {
    reporting_country: 'Partie déclarante',
    reporting_country_name: 'nom de la Partie',
    seizures: 'saisies',
    specimen_records: 'enregistrements de spécimens',
    previous_year_seizures: "saisies de l'année précédente",
    status: 'statut',
    received: 'reçu',
    loaded: 'chargé',
    files: 'fichiers',
    taxonomic_group: 'groupe taxonomique',
    seizures_pct: 'saisies %',
    quantity_kg: 'quantité (kg)',
    items: 'articles',
    species: 'espèce',
    common_name: 'nom commun',
    cites_appendix: 'annexe CITES',
    main_terms: 'principaux termes',
    previous_year_rank: "rang l'année précédente",
    from_country: 'de',
    from_country_name: 'pays de départ',
    to_country: 'vers',
    to_country_name: "pays d'arrivée",
    country: 'pays',
    country_name: 'nom du pays',
    origin: 'origine',
    export: 'exportation',
    transit: 'transit',
    destination: 'destination',
    seizing: 'saisie',
    detection_method: 'méthode de détection',
    transport_mode: 'mode de transport',
    seizures_with_value: 'saisies avec valeur',
    value_usd: 'valeur (USD)',
    median_value_usd: 'valeur médiane (USD)',
    largest_value_usd: 'plus grande valeur (USD)',
    values_not_converted: 'valeurs non converties',
    with_outcome: 'avec suite',
    arrests: 'arrestations',
    prosecuted: 'poursuivies',
    convicted: 'condamnations',
    arrest_pct: 'arrestations %',
    prosecution_pct: 'poursuites %',
    conviction_pct: 'condamnations %',
    custodial_terms: 'peines privatives de liberté',
    median_months: 'mois (médiane)',
    fines_usd: 'amendes (USD)',
    fines_unconverted: 'amendes non converties',
    measure: 'mesure',
    previous_year: 'année précédente',
    this_year: 'cette année',
    change: 'variation',
    change_pct: 'variation %',
    completeness_pct: 'exhaustivité %',
    day_date_pct: 'date au jour %',
    species_pct: 'espèce %',
    quantity_pct: 'quantité %',
    origin_pct: 'origine %',
    destination_pct: 'destination %',
    transport_pct: 'transport %',
    detection_pct: 'détection %',
    value_pct: 'valeur %',
    values_kept_as_given: 'valeurs gardées telles que données',
    rejected_rows_in_sources: 'lignes rejetées dans les fichiers',
    source_id: 'source',
    file_name: 'fichier',
    sheet: 'feuille',
    profile: 'profil',
    seizures_in_year: "saisies de l'année",
    rows_loaded: 'lignes chargées',
    rows_rejected: 'lignes rejetées',
    rows_flagged: 'lignes signalées',
    column: 'colonne',
    reason: 'motif',
    values: 'valeurs',
    examples: 'exemples',
    kg_estimated: 'kg (estimation)',
    organisms: 'organismes entiers',
    // bulletin
    seizure: 'saisie',
    date: 'date',
    suspect: 'suspect',
    kind: 'type',
    new_seizures: 'nouvelles saisies',
    earlier_seizures: 'saisies antérieures',
    first_seen: 'vu pour la première fois',
    from: 'de',
    to: 'vers',
    rows: 'lignes',
  },
  values: {
    'on time': 'dans les délais',
    late: 'en retard',
    missing: 'manquant',
    'received date unknown': 'date de réception inconnue',
    mammals: 'mammifères',
    reptiles: 'reptiles',
    fish: 'poissons',
    birds: 'oiseaux',
    plants: 'plantes',
    amphibians: 'amphibiens',
    corals: 'coraux',
    invertebrates: 'invertébrés',
    'not identified': 'non identifié',
    'several groups': 'plusieurs groupes',
    'all groups': 'tous les groupes',
    intelligence: 'renseignement',
    'x-ray': 'rayons X',
    patrol: 'patrouille',
    'risk profiling': 'profilage des risques',
    'document check': 'contrôle documentaire',
    'sniffer dog': 'chien détecteur',
    'physical inspection': 'inspection physique',
    air: 'aérien',
    sea: 'maritime',
    road: 'routier',
    postal: 'postal',
    river: 'fluvial',
    rail: 'ferroviaire',
    'on foot': 'à pied',
    origin: 'origine',
    export: 'exportation',
    transit: 'transit',
    destination: 'destination',
    seizing: 'pays de la saisie',
    person: 'personne',
    company: 'entreprise',
  },
  chartWords: {
    seizures: 'saisies',
    'US dollars': 'dollars des États-Unis',
    'seizures (by role)': 'saisies (par rôle)',
    'taxonomic group': 'groupe taxonomique',
  },
  bulletin: {
    title: (since, until) => `Bulletin des saisies : fichiers chargés ${since ? `après le ${since}` : 'depuis le début'} jusqu'au ${until}`,
    // En français, 0 et 1 sont au singulier.
    summary: (seizures, specimens, kg, countries, n) =>
      `${n(seizures)} ${seizures < 2 ? 'nouvelle saisie' : 'nouvelles saisies'} ` +
      `(${n(specimens)} ${specimens < 2 ? 'spécimen' : 'spécimens'}, ` +
      `${n(kg)} kg) ${seizures < 2 ? 'effectuée' : 'effectuées'} par ` +
      `${n(countries)} pays.`,
    sections: {
      by_country: ['Nouvelles saisies par pays de la saisie', 'aucune'],
      large_seizures: ['Saisies importantes', 'aucune saisie au-dessus des seuils'],
      new_routes: ['Itinéraires jamais vus (origine → destination)', 'aucun nouvel itinéraire'],
      new_species: ['Espèces jamais vues', 'aucune nouvelle espèce'],
      watch_hits: ['Correspondances avec la liste de surveillance', 'aucune entrée de la liste de surveillance dans ces fichiers'],
      reappearing_suspects: ['Suspects déjà vus qui réapparaissent', 'personne de déjà vu ne réapparaît'],
      new_sources: ['Fichiers couverts', 'aucun'],
    },
  },
};
