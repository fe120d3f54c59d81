# The same work in plain pandas, for comparison with wen: load the AITR-shaped CSV, map country names
# to codes, then compute route legs (origin -> transit -> destination) and species trends per year.
import sys, time
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
legs = []
for via in [True, False]:
    part = seizures[seizures['Country of transit'].notna()] if via else seizures[seizures['Country of transit'].isna()]
    if via:
        legs.append(part[['Country of origin', 'Country of transit']].set_axis(['from', 'to'], axis=1))
        legs.append(part[['Country of transit', 'Country of destination']].set_axis(['from', 'to'], axis=1))
    else:
        legs.append(part[['Country of origin', 'Country of destination']].set_axis(['from', 'to'], axis=1))
routes = pd.concat(legs)
routes = routes[routes['from'] != routes['to']].value_counts().reset_index(name='seizures')
df['year'] = df['date'].dt.year
trends = df.groupby(['Species', 'year']).agg(seizures=('Reference', 'nunique'), quantity=('quantity', 'sum')).reset_index()
print(f'{time.perf_counter() - started:.3f} {len(routes)} {len(trends)}')
