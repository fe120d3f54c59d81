# The same work in plain pandas, for comparison with wen: load the AITR-shaped CSV, map country names
# to codes, then compute route legs (origin -> transit -> destination) and species trends per year.
# With a second argument, also writes its legs and species-years there as JSON, for the bench to
# check that it gives wen's numbers (after the timed runs).
import json, sys, time
import pandas as pd

COUNTRIES = {'Viet Nam': 'VN', 'China': 'CN', 'Hong Kong SAR': 'HK', 'Kenya': 'KE', 'Nigeria': 'NG', 'Cameroon': 'CM', 'Malaysia': 'MY', 'Thailand': 'TH',
             'Singapore': 'SG', 'South Africa': 'ZA', 'Mozambique': 'MZ', 'United Arab Emirates': 'AE', 'Ethiopia': 'ET', 'Lao PDR': 'LA', 'Indonesia': 'ID',
             'India': 'IN', 'Uganda': 'UG', 'Congo, Dem. Rep.': 'CD', 'Türkiye': 'TR', 'Madagascar': 'MG'}
started = time.perf_counter()
df = pd.read_csv(sys.argv[1], dtype=str, keep_default_na=False, na_values=[''])
for column in ['Country of origin', 'Country of transit', 'Country of destination']:
    df[column] = df[column].map(COUNTRIES)
df['date'] = pd.to_datetime(df['Date of seizure'], format='%d/%m/%Y')
df['quantity'] = pd.to_numeric(df['Quantity'], errors='coerce')
seizures = df.groupby('Reference').first()
# Legs as wen draws them (src/analysis/selection.ts): origin -> transit -> destination, with the
# seizing country (here the reporting country) placed in the chain when the chain does not list it:
# before the destination, or at the end when there is none; equal neighbours collapsed; each leg
# counted once per seizure.
seizures['seizing'] = seizures['Reporting country'].map(COUNTRIES)
chain = seizures[['Country of origin', 'Country of transit', 'Country of destination']]
listed = chain.eq(seizures['seizing'], axis=0).any(axis=1)
placed = seizures['seizing'].notna() & ~listed
has_destination = seizures['Country of destination'].notna()
slots = pd.DataFrame({
    0: seizures['Country of origin'],
    1: seizures['Country of transit'],
    2: seizures['seizing'].where(placed & has_destination),
    3: seizures['Country of destination'],
    4: seizures['seizing'].where(placed & ~has_destination & chain.notna().any(axis=1)),
})
stops = slots.stack().rename('country').reset_index(level=1, drop=True).reset_index()
stops = stops[stops['country'] != stops.groupby('Reference')['country'].shift()]
stops['next'] = stops.groupby('Reference')['country'].shift(-1)
legs = stops[stops['next'].notna()].set_axis(['Reference', 'from', 'to'], axis=1).drop_duplicates()
routes = legs[legs['from'] != legs['to']][['from', 'to']].value_counts().reset_index(name='seizures')
df['year'] = df['date'].dt.year
trends = df.groupby(['Species', 'year']).agg(seizures=('Reference', 'nunique'), quantity=('quantity', 'sum')).reset_index()
print(f'{time.perf_counter() - started:.3f} {len(routes)} {len(trends)}')
if len(sys.argv) > 2:
    with open(sys.argv[2], 'w') as out:
        json.dump({'routes': [[r['from'], r['to'], int(r['seizures'])] for _, r in routes.iterrows()],
                   'trends': [[t['Species'], int(t['year']), int(t['seizures'])] for _, t in trends.iterrows()]}, out)
