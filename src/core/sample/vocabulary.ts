/** The value sets the generated CRM fields are drawn from. */

export type Segment = 'smb' | 'mid_market' | 'enterprise';
export type Channel = 'organic' | 'paid_search' | 'paid_social' | 'events' | 'outbound' | 'referral' | 'partner';
export type Seniority = 'individual' | 'manager' | 'director' | 'vp' | 'c_level';
export type Region = 'na' | 'emea' | 'apac';

export const segments: readonly Segment[] = ['smb', 'mid_market', 'enterprise'];
export const channels: readonly Channel[] = [
  'organic',
  'paid_search',
  'paid_social',
  'events',
  'outbound',
  'referral',
  'partner',
];

/** The lead definition's target industries come first; the rest score no fit points. */
export const targetIndustries = ['software', 'financial_services', 'healthcare', 'retail', 'manufacturing'] as const;
export const otherIndustries = [
  'education',
  'government',
  'media',
  'professional_services',
  'telecommunications',
  'nonprofit',
  'real_estate',
  'logistics',
  'energy',
  'hospitality',
] as const;

export const departments = ['sales', 'marketing', 'revops', 'finance', 'it', 'operations'] as const;
export type Department = (typeof departments)[number];

const titleStems: Record<Department, readonly [string, string, string]> = {
  sales: ['Sales Representative', 'Sales', 'CRO'],
  marketing: ['Marketing Specialist', 'Marketing', 'CMO'],
  revops: ['Revenue Operations Analyst', 'Revenue Operations', 'Chief Revenue Officer'],
  finance: ['Financial Analyst', 'Finance', 'CFO'],
  it: ['Systems Administrator', 'IT', 'CIO'],
  operations: ['Operations Analyst', 'Operations', 'COO'],
};

export function composeTitle(seniority: Seniority, department: Department): string {
  const [individual, area, chief] = titleStems[department];
  switch (seniority) {
    case 'individual':
      return individual;
    case 'manager':
      return `${area} Manager`;
    case 'director':
      return `Director of ${area}`;
    case 'vp':
      return `VP ${area}`;
    case 'c_level':
      return chief;
  }
}

export const countriesByRegion: Record<Region, readonly (readonly [string, number])[]> = {
  na: [
    ['US', 88],
    ['CA', 12],
  ],
  emea: [
    ['GB', 30],
    ['DE', 22],
    ['FR', 14],
    ['NL', 10],
    ['SE', 7],
    ['IE', 6],
    ['ES', 6],
    ['ZA', 5],
  ],
  apac: [
    ['AU', 35],
    ['SG', 20],
    ['IN', 20],
    ['JP', 15],
    ['NZ', 10],
  ],
};

export const topLevelDomains: Record<string, string> = {
  GB: '.co.uk',
  DE: '.de',
  FR: '.fr',
  NL: '.nl',
  AU: '.com.au',
  IN: '.in',
  JP: '.jp',
};

/** Listed personal domains are excluded by the lead definition; aol.com and gmx.de slip through, as in real data. */
export const personalDomains: readonly (readonly [string, number])[] = [
  ['gmail.com', 50],
  ['yahoo.com', 11],
  ['hotmail.com', 10],
  ['outlook.com', 10],
  ['icloud.com', 8],
  ['proton.me', 3],
  ['aol.com', 5],
  ['gmx.de', 3],
];

export const universityDomains = ['stateu.edu', 'techinstitute.edu', 'northcollege.edu', 'uni-example.ac.uk'] as const;

export const companyPrefixes = [
  'North',
  'Blue',
  'Bright',
  'Cedar',
  'Summit',
  'Iron',
  'Silver',
  'Clear',
  'Red',
  'Harbor',
  'Pine',
  'Stone',
  'Granite',
  'Swift',
  'Atlas',
  'Nova',
  'Vertex',
  'Quantum',
  'Meridian',
  'Pioneer',
  'Evergreen',
  'Crescent',
  'Falcon',
  'Sierra',
  'Aurora',
  'Beacon',
  'Cobalt',
  'Delta',
  'Ember',
  'Frontier',
  'Golden',
  'Horizon',
  'Juniper',
  'Keystone',
  'Lakeside',
  'Maple',
  'Oak',
  'Orchid',
  'Polar',
  'Redwood',
  'Sterling',
  'Tidal',
  'Union',
  'Valley',
  'Willow',
  'Zenith',
  'Copper',
  'Prairie',
] as const;

export const companyRoots = [
  'wind',
  'peak',
  'field',
  'bridge',
  'stream',
  'point',
  'gate',
  'line',
  'works',
  'forge',
  'path',
  'star',
  'wave',
  'rock',
  'light',
  'ridge',
  'haven',
  'port',
  'crest',
  'view',
  'mark',
  'stack',
  'loop',
  'grid',
  'sense',
  'scale',
  'shift',
  'spark',
] as const;

export const companyQualifiers = [
  'Analytics',
  'Data',
  'Cloud',
  'Digital',
  'Networks',
  'Partners',
  'Solutions',
  'Technologies',
  'Consulting',
  'Retail',
  'Foods',
  'Energy',
  'Media',
  'Financial',
  'Medical',
  'Industries',
  'Learning',
  'Mobility',
  'Security',
  'Supply',
  'Robotics',
  'Insurance',
  'Pharma',
  'Logistics',
  'Commerce',
  'Studios',
  'Ventures',
  'Labs',
  'Systems',
  'Health',
  'Software',
  'Capital',
  'Beverages',
  'Apparel',
  'Motors',
  'Travel',
  'Payments',
  'Bio',
  'Interactive',
  'Materials',
] as const;

/** Legal forms only, for names that already end in a qualifier. */
export const legalSuffixes: readonly (readonly [string, number])[] = [
  ['', 50],
  [' Inc.', 20],
  [', Inc.', 10],
  [' LLC', 10],
  [' Ltd', 5],
  [' & Co.', 5],
];

export const companySuffixes: readonly (readonly [string, number])[] = [
  ['', 30],
  [' Inc.', 10],
  [', Inc.', 6],
  [' LLC', 6],
  [' Group', 8],
  [' Systems', 8],
  [' Labs', 6],
  [' Health', 4],
  [' Capital', 4],
  [' Logistics', 4],
  [' Software', 6],
  [' & Co.', 3],
  [' Holdings', 3],
];

export const firstNames = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Carlos',
  'Karen',
  'Daniel',
  'Lisa',
  'Matthew',
  'Nancy',
  'Anthony',
  'Sandra',
  'Mark',
  'Ashley',
  'Priya',
  'Emily',
  'Wei',
  'Michelle',
  'Ahmed',
  'Amanda',
  'Kenji',
  'Olivia',
  'Lukas',
  'Sophie',
  'Mateo',
  'Chloe',
  'Raj',
  'Fatima',
  'Liam',
  'Aisha',
  'Noah',
  'Ingrid',
  'Hugo',
  'Yuki',
  'Sean',
  'Zoë',
] as const;

export const lastNames = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Patel',
  'Nguyen',
  'Kim',
  'Chen',
  'Müller',
  'Schmidt',
  'Dubois',
  'Rossi',
  'Tanaka',
  'Singh',
  'Kowalski',
  'Jansen',
  'Andersson',
  'Murphy',
  "O'Brien",
  'Silva',
  'Cohen',
  'Khan',
] as const;

/** Lower-case ASCII for email local parts and domains. */
export function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}
