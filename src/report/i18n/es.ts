// Español: las palabras del informe anual y de los boletines (vocabulario de la CITES: Partes,
// incautaciones, informe anual sobre el comercio ilegal; nombres de los términos CITES de src/reference/cites-terms.csv).
import type { Messages } from './messages.js';

export const es: Messages = {
  locale: 'es-ES',
  report: {
    title: (year) => `Informe anual sobre el comercio ilegal: resumen ${year}`,
    scopeAll: (year) =>
      `Incautaciones notificadas por todas las Partes cuyos informes están cargados, con fecha de ${year}, comparadas con ${year - 1}.`,
    scopeOne: (year, name, code) => `Incautaciones notificadas por ${name} (${code}), con fecha de ${year}, comparadas con ${year - 1}.`,
    generated: (when) => `Generado por wen el ${when}.`,
    contents: 'Índice',
    nothing: 'nada que mostrar para este año',
    change: (pct, year) => `${pct}\u00a0% respecto de ${year}`,
    noFigure: (year) => `sin cifra de ${year}`,
    page: (page, pages) => `"Página " ${page} " de " ${pages}`,
  },
  headline: {
    seizures: 'incautaciones',
    specimen_records: 'registros de especímenes',
    reporting_parties: 'Partes informantes',
    taxa: 'taxones',
    quantity_kg: 'kg incautados',
    value_usd: 'dólares estadounidenses (estimación)',
    seizing_countries: 'países que incautaron',
    items: 'artículos',
  },
  sections: {
    'reports-received': {
      title: () => 'Informes recibidos por Parte',
      about:
        'Partes cuyos datos abarcan el año o el año anterior: incautaciones ' +
        'y registros de especímenes notificados para el año, y si el informe ' +
        'llegó en el plazo (el 31 de octubre del año siguiente). «Recibido» ' +
        'es el día en que llegó el informe, registrado con wen load --received ' +
        'o wen sources set; «cargado» es el día en que wen lo cargó. Un ' +
        'informe está en plazo si se recibió, o se cargó, a más tardar ' +
        'en la fecha límite (un archivo se carga después de llegar); fuera ' +
        'de plazo si todos sus archivos se recibieron después de esa fecha; ' +
        'y «fecha de recepción desconocida» si se cargó después de la ' +
        'fecha límite sin fecha de recepción. Una Parte que informó el ' +
        'año anterior pero no este año figura como ausente.',
    },
    'taxonomic-groups': {
      title: () => 'Incautaciones y especímenes por grupo taxonómico',
      about:
        'Incautaciones y registros de especímenes (un registro por especie, ' +
        'producto y cantidad) por gran grupo taxonómico. Una incautación ' +
        'con varios grupos cuenta una vez en cada uno, por lo que los ' +
        'porcentajes pueden sumar más del 100 %.',
      chart: (year) => `Incautaciones por grupo taxonómico, ${year - 1} y ${year}`,
    },
    'top-species': {
      title: () => 'Especies principales',
      about:
        'Los taxones incautados con más frecuencia (solo especímenes ' +
        'identificados), lo que se incautó de ellos (los términos CITES ' +
        'más frecuentes) y su puesto el año anterior.',
      chart: (year) => `Taxones incautados con más frecuencia, ${year}`,
    },
    'top-routes': {
      title: () => 'Rutas principales',
      about:
        'Tramos de la cadena comercial (origen → exportación → tránsito ' +
        '→ destino, según cada incautación) utilizados por más incautaciones; ' +
        'se omiten los países desconocidos.',
      chart: (year) => `Tramos de la cadena comercial más utilizados, ${year}`,
    },
    'country-roles': {
      title: () => 'Función de los países en la cadena comercial',
      about:
        'Para cada país, el número de incautaciones en que fue país de ' +
        'origen, de exportación, de tránsito, de destino y país de la ' +
        'incautación. Una misma incautación puede dar a un país varias funciones.',
      chart: (year) => `Función de los países en las incautaciones del año, ${year}`,
    },
    'detection-methods': {
      title: () => 'Métodos de detección',
      about:
        'Cómo se detectaron las incautaciones, según lo notificado (etiquetas ' +
        'normalizadas; un método que wen no reconoce se muestra tal como se dio).',
      chart: (year) => `Incautaciones por método de detección, ${year - 1} y ${year}`,
    },
    'transport-modes': {
      title: () => 'Medios de transporte',
      about:
        'Cómo se transportaban las mercancías incautadas, según lo notificado ' +
        '(etiquetas normalizadas; un medio que wen no reconoce se muestra ' +
        'tal como se dio).',
      chart: (year) => `Incautaciones por medio de transporte, ${year - 1} y ${year}`,
    },
    values: {
      title: () => 'Valores',
      about:
        'Valores estimados de las incautaciones en dólares estadounidenses, ' +
        'convertidos a tipos de cambio medios anuales (incluidos con wen, ' +
        'aproximados; --rates permite dar tipos oficiales). Se usa el ' +
        'valor propio de la incautación o, si no lo hay, la suma de los ' +
        'valores de sus artículos. Los valores en una moneda o un año ' +
        'sin tipo de cambio se cuentan, no se suman.',
      chart: (year) => `Valor estimado de las incautaciones por grupo taxonómico, ${year} (USD)`,
    },
    outcomes: {
      title: () => 'Resultados judiciales',
      about:
        'Lo que siguió a las incautaciones del año, por país de la incautación ' +
        '(los indicadores del ICCWC, contados como lo hace wen analyze ' +
        'outcomes a partir del texto de las sanciones y de las fechas ' +
        'de detención): incautaciones con una detención, con enjuiciamiento ' +
        '(acusación, procesamiento o sentencia) y con condena (condena, ' +
        'pena privativa de libertad o multa); el porcentaje de condenas ' +
        'es sobre las enjuiciadas. Solo figuran los países con al menos ' +
        'una incautación con resultado: un país que no describió sanciones ' +
        'es desconocido, no cero. Las multas están en dólares estadounidenses ' +
        'a los tipos del informe; las multas no convertidas son las que ' +
        'no tienen tipo.',
      chart: (year) => `Resultados judiciales por país de la incautación, ${year}`,
    },
    comparison: {
      title: (year) => `Comparación con ${year - 1}`,
      about:
        'Cifras principales de ambos años. Una variación de las incautaciones ' +
        'refleja tanto el esfuerzo de aplicación de la ley y la notificación ' +
        'como el tráfico: léala junto a los informes recibidos y al anexo ' +
        'sobre la calidad de los datos.',
    },
    'data-quality': {
      title: () => 'Anexo: exhaustividad de los informes',
      about:
        'Para cada Parte informante, la proporción de incautaciones que ' +
        'indican cada campo clave (como en wen analyze data-quality), ' +
        'los valores que wen conservó tal como se dieron y las filas rechazadas ' +
        'en los archivos de donde proceden estas incautaciones.',
    },
    sources: {
      title: () => 'Anexo: archivos en que se basan las cifras',
      about:
        'Los archivos de donde proceden los datos del año y lo que el ' +
        'cargador hizo con sus filas: cargadas, rechazadas con un motivo ' +
        '(wen rejects las enumera) o cargadas con un valor conservado ' +
        'tal como se dio.',
    },
    'values-kept-as-given': {
      title: () => 'Anexo: valores conservados tal como se dieron',
      about:
        'Valores de los datos del año que wen no pudo normalizar (país, ' +
        'unidad, moneda o término desconocidos). Se conservan tal como ' +
        'se dieron y se excluyen de los recuentos que los necesitan.',
    },
  },
  columns: {
    reporting_country: 'Parte informante',
    reporting_country_name: 'nombre de la Parte',
    seizures: 'incautaciones',
    specimen_records: 'registros de especímenes',
    previous_year_seizures: 'incautaciones del año anterior',
    status: 'estado',
    received: 'recibido',
    loaded: 'cargado',
    files: 'archivos',
    taxonomic_group: 'grupo taxonómico',
    seizures_pct: 'incautaciones %',
    quantity_kg: 'cantidad (kg)',
    items: 'artículos',
    species: 'especie',
    common_name: 'nombre común',
    cites_appendix: 'apéndice CITES',
    main_terms: 'términos principales',
    previous_year_rank: 'puesto el año anterior',
    from_country: 'de',
    from_country_name: 'país de salida',
    to_country: 'a',
    to_country_name: 'país de llegada',
    country: 'país',
    country_name: 'nombre del país',
    origin: 'origen',
    export: 'exportación',
    transit: 'tránsito',
    destination: 'destino',
    seizing: 'incautación',
    detection_method: 'método de detección',
    transport_mode: 'medio de transporte',
    seizures_with_value: 'incautaciones con valor',
    value_usd: 'valor (USD)',
    median_value_usd: 'valor mediano (USD)',
    largest_value_usd: 'valor máximo (USD)',
    values_not_converted: 'valores no convertidos',
    with_outcome: 'con resultado',
    arrests: 'detenciones',
    prosecuted: 'enjuiciadas',
    convicted: 'condenas',
    arrest_pct: 'detenciones %',
    prosecution_pct: 'enjuiciamientos %',
    conviction_pct: 'condenas %',
    custodial_terms: 'penas privativas de libertad',
    median_months: 'meses (mediana)',
    fines_usd: 'multas (USD)',
    fines_unconverted: 'multas no convertidas',
    measure: 'medida',
    previous_year: 'año anterior',
    this_year: 'este año',
    change: 'variación',
    change_pct: 'variación %',
    completeness_pct: 'exhaustividad %',
    day_date_pct: 'fecha al día %',
    species_pct: 'especie %',
    quantity_pct: 'cantidad %',
    origin_pct: 'origen %',
    destination_pct: 'destino %',
    transport_pct: 'transporte %',
    detection_pct: 'detección %',
    value_pct: 'valor %',
    values_kept_as_given: 'valores conservados tal como se dieron',
    rejected_rows_in_sources: 'filas rechazadas en los archivos',
    source_id: 'fuente',
    file_name: 'archivo',
    sheet: 'hoja',
    profile: 'perfil',
    seizures_in_year: 'incautaciones del año',
    rows_loaded: 'filas cargadas',
    rows_rejected: 'filas rechazadas',
    rows_flagged: 'filas señaladas',
    column: 'columna',
    reason: 'motivo',
    values: 'valores',
    examples: 'ejemplos',
    kg_estimated: 'kg (estimación)',
    organisms: 'organismos enteros',
    // bulletin
    seizure: 'incautación',
    date: 'fecha',
    suspect: 'sospechoso',
    kind: 'tipo',
    new_seizures: 'incautaciones nuevas',
    earlier_seizures: 'incautaciones anteriores',
    first_seen: 'visto por primera vez',
    from: 'de',
    to: 'a',
    rows: 'filas',
  },
  values: {
    'on time': 'en plazo',
    late: 'fuera de plazo',
    missing: 'ausente',
    'received date unknown': 'fecha de recepción desconocida',
    mammals: 'mamíferos',
    reptiles: 'reptiles',
    fish: 'peces',
    birds: 'aves',
    plants: 'plantas',
    amphibians: 'anfibios',
    corals: 'corales',
    invertebrates: 'invertebrados',
    'not identified': 'no identificado',
    'several groups': 'varios grupos',
    'all groups': 'todos los grupos',
    intelligence: 'inteligencia',
    'x-ray': 'rayos X',
    patrol: 'patrulla',
    'risk profiling': 'análisis de riesgos',
    'document check': 'control documental',
    'sniffer dog': 'perro detector',
    'physical inspection': 'inspección física',
    air: 'aéreo',
    sea: 'marítimo',
    road: 'carretera',
    postal: 'postal',
    river: 'fluvial',
    rail: 'ferrocarril',
    'on foot': 'a pie',
    origin: 'origen',
    export: 'exportación',
    transit: 'tránsito',
    destination: 'destino',
    seizing: 'país de la incautación',
    person: 'persona',
    company: 'empresa',
  },
  chartWords: {
    seizures: 'incautaciones',
    'US dollars': 'dólares estadounidenses',
    'seizures (by role)': 'incautaciones (por función)',
    'taxonomic group': 'grupo taxonómico',
  },
  bulletin: {
    title: (since, until) =>
      `Boletín de incautaciones: archivos cargados ${since ? `después del ${since}` : 'desde el principio'} hasta el ${until}`,
    summary: (seizures, specimens, kg, countries, n) =>
      `${n(seizures)} ${seizures === 1 ? 'incautación nueva' : 'incautaciones nuevas'} ` +
      `(${n(specimens)} ${specimens === 1 ? 'espécimen' : 'especímenes'}, ` +
      `${n(kg)} kg) ${seizures === 1 ? 'realizada' : 'realizadas'} por ` +
      `${n(countries)} ${countries === 1 ? 'país' : 'países'}.`,
    sections: {
      by_country: ['Incautaciones nuevas por país de la incautación', 'ninguna'],
      large_seizures: ['Incautaciones grandes', 'ninguna incautación por encima de los umbrales'],
      new_routes: ['Rutas no vistas antes (origen → destino)', 'ninguna ruta nueva'],
      new_species: ['Especies no vistas antes', 'ninguna especie nueva'],
      watch_hits: ['Coincidencias con la lista de vigilancia', 'ninguna entrada de la lista de vigilancia en estos archivos'],
      reappearing_suspects: ['Sospechosos ya vistos que reaparecen', 'no reaparece nadie visto antes'],
      new_sources: ['Archivos cubiertos', 'ninguno'],
    },
  },
};
