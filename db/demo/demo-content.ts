// The demo newsroom: a small fictional paper in the fictional harbour city of Port
// Aldren, with stories in every state of the workflow. Plain data, written for
// Wiredesk (every place, person and figure is invented), so the seed (db/demo/
// seed-demo-newsroom.ts), the tests and the browser tests read the same words.
// Times are hours before the moment the demo is seeded; everything else is fixed.

import type { DemoScene } from './demo-images';

/** Who the demo's stories are by and who moves them: the three demo accounts and five writers. */
export type DemoPerson = 'reporter' | 'editor' | 'admin' | 'tomas' | 'hana' | 'marek' | 'lucia' | 'samuel';

/** Staff who write for the demo paper (bylines); they sign in only once an admin gives them a password. */
export const DEMO_WRITERS: readonly { key: DemoPerson; email: string; name: string }[] = [
  { key: 'tomas', email: 'tomas.reyes@wiredesk.test', name: 'Tomás Reyes' },
  { key: 'hana', email: 'hana.sato@wiredesk.test', name: 'Hana Sato' },
  { key: 'marek', email: 'marek.novak@wiredesk.test', name: 'Marek Novak' },
  { key: 'lucia', email: 'lucia.ortega@wiredesk.test', name: 'Lucía Ortega' },
  { key: 'samuel', email: 'samuel.adeyemi@wiredesk.test', name: 'Samuel Adeyemi' },
];

/** Every demo picture is ours, drawn by db/demo/demo-images.ts, and free for any use. */
export const DEMO_IMAGE_CREDIT = 'Wiredesk demo image (CC0)';

export type DemoSectionSlug = 'world' | 'politics' | 'business' | 'technology' | 'sport' | 'culture';

/** A paragraph, a crosshead or a quote. */
export type DemoBlock = string | { crosshead: string } | { quote: string };

export type DemoNote = { by: DemoPerson; hoursAgo: number; text: string };

/** Where a story stands and how it got there, in hours before the seed ran. */
export type DemoLife =
  | { state: 'draft'; hoursAgo: number }
  | { state: 'spiked'; hoursAgo: number; by: DemoPerson; note?: string }
  | { state: 'in_review'; hoursAgo: number }
  | { state: 'changes_requested'; hoursAgo: number; note: string }
  | { state: 'approved'; hoursAgo: number }
  | { state: 'scheduled'; hoursAgo: number; publishInHours: number }
  | {
      state: 'published';
      hoursAgo: number;
      /** Published again with a dated correction, after the text was fixed. */
      correction?: { hoursAgo: number; text: string; replace: [string, string] };
      /** A later edit of the working copy readers do not see until "Publish update". */
      pendingEdit?: { hoursAgo: number; addParagraph: string };
    }
  | { state: 'unpublished'; hoursAgo: number; unpublishedHoursAgo: number; note: string }
  | { state: 'killed'; hoursAgo: number; killedHoursAgo: number; by: DemoPerson; note: string };

export type DemoStory = {
  /** Fixed, and how the seed recognizes a story it made before (running it twice adds nothing). */
  slug: string;
  section: DemoSectionSlug;
  headline: string;
  standfirst: string;
  dateline?: string;
  /** Bylines in order; the first writes it (creates, submits, edits). */
  writers: readonly DemoPerson[];
  body: readonly DemoBlock[];
  /** Shown after the first paragraph, credited DEMO_IMAGE_CREDIT. */
  image?: { scene: DemoScene; alt: string; caption: string };
  life: DemoLife;
  notes?: readonly DemoNote[];
};

export const DEMO_STORIES: readonly DemoStory[] = [
  {
    slug: 'selm-flood-barrier-holds-as-river-reaches-record-height',
    section: 'world',
    headline: 'Flood barrier on the Selm holds as the river reaches a record height',
    standfirst:
      'The gates built after the 2019 floods were closed for the first time in anger, and the old town stayed dry.',
    dateline: 'PORT ALDREN',
    writers: ['reporter', 'tomas'],
    body: [
      'The river Selm rose to 6.4 metres at the Aldren bridge gauge early on Thursday, the highest reading since records began, but the flood barrier downstream of the old town held through the night.',
      'Engineers closed the four steel gates at 11 p.m., two hours before high tide, after three days of rain over the Marrow Valley. About 300 households on the lower quays had been asked to leave as a precaution; most spent the night with relatives.',
      { crosshead: 'Built for this' },
      '“This is exactly the night it was built for,” said Ines Varga, who runs the barrier for the river authority. “We watched the water come up to within half a metre of the top and stop.”',
      'The barrier, finished last year at a cost of 48 million, replaced a line of sandbags and temporary walls that failed in 2019, when the water reached 5.9 metres and flooded 600 homes.',
      'The authority expects the river to fall slowly over the weekend. The gates will stay shut until the level drops below four metres.',
    ],
    image: {
      scene: 'valley',
      alt: 'Illustration: a pale river winding between green hills under an orange sky, a train crossing the valley',
      caption: 'The Selm valley above Port Aldren, where three days of rain fell this week.',
    },
    life: { state: 'published', hoursAgo: 3 },
  },
  {
    slug: 'open-source-flood-map-built-by-students-goes-live',
    section: 'technology',
    headline: 'Open-source flood map built by students goes live',
    standfirst:
      'Residents can now see, street by street, how high the water came in past floods — and the code is free for any town to use.',
    dateline: 'PORT ALDREN',
    writers: ['hana'],
    body: [
      'A flood map built by computer science students at Aldren Polytechnic went live on Wednesday, showing residents street by street how high the water reached in every flood since 1953.',
      'The students digitised 70 years of river authority records and photographs, then matched them to the city’s street plan. The map updates every fifteen minutes from the authority’s river gauges.',
      'It had 40,000 visitors in its first night, as the Selm rose towards a record height.',
      {
        quote:
          '“We wanted something your grandmother could open on her phone,” said Priya Lund, one of the four students who built it.',
      },
      'The code is published under an open licence, and two other river towns have already asked to use it.',
    ],
    image: {
      scene: 'circuit',
      alt: 'Illustration: a dark blue circuit board with white tracks and amber connection points',
      caption: 'The map reads the river authority’s gauges every fifteen minutes.',
    },
    life: {
      state: 'published',
      hoursAgo: 7,
      pendingEdit: {
        hoursAgo: 1,
        addParagraph: 'The city council said on Thursday that it would link the map from its own flood warnings page.',
      },
    },
  },
  {
    slug: 'brennick-assembly-passes-budget-after-late-night-vote',
    section: 'politics',
    headline: 'Brennick assembly passes budget after a late-night vote',
    // No standfirst: search engines get the first paragraph instead.
    standfirst: '',
    dateline: 'BRENNICK',
    writers: ['tomas'],
    body: [
      'The Brennick regional assembly approved next year’s budget by 41 votes to 38 shortly before 2 a.m. on Wednesday, after a session that ran for fourteen hours and ended with a promise of more money for rural bus routes.',
      'The coalition of the Farmers’ League and the Greens had needed two votes from the opposition benches. It won them by adding 6 million for bus services in the hill districts, where several routes were cut last spring.',
      'Finance minister Oren Falk called the budget “careful, not cautious”. Opposition leader Maud Keller said the bus money was “a sticking plaster on a broken leg”.',
      'The budget raises spending by 2.1 percent, slightly below inflation, and leaves the regional income tax unchanged.',
    ],
    image: {
      scene: 'hall',
      alt: 'Illustration: a columned assembly building at dusk, a small yellow flag on its roof',
      caption: 'The assembly building in Brennick, where the session ended shortly before 2 a.m.',
    },
    life: { state: 'published', hoursAgo: 5 },
  },
  {
    slug: 'port-traffic-up-a-fifth-as-new-quay-opens',
    section: 'business',
    headline: 'Port traffic up a fifth as the new deep-water quay opens',
    standfirst:
      'Container ships that used to sail past Port Aldren are stopping, and the harbour board wants to hire 120 more dockers.',
    dateline: 'PORT ALDREN',
    writers: ['samuel'],
    body: [
      'Cargo through Port Aldren rose by 21 percent in the last three months compared with a year earlier, the harbour board said on Tuesday, the first quarter since the new deep-water quay opened in the spring.',
      'The quay can take ships of up to 14 metres draught, which until now had to unload at larger ports further along the coast.',
      'The board plans to hire 120 dockers and crane drivers by the end of the year. Unions welcomed the jobs but asked for the new posts to be permanent.',
    ],
    image: {
      scene: 'chart',
      alt: 'Illustration: a bar chart whose bars rise from left to right, the last one red',
      caption: 'Cargo handled at Port Aldren, quarter by quarter.',
    },
    life: { state: 'published', hoursAgo: 9 },
  },
  {
    slug: 'harbour-theatre-reopens-with-a-play-about-its-own-flood',
    section: 'culture',
    headline: 'Harbour Theatre reopens with a play about its own flood',
    standfirst:
      'Four years after the water reached the third row, the company is back on stage — telling the story of the night it happened.',
    dateline: 'PORT ALDREN',
    writers: ['lucia'],
    body: [
      'The Harbour Theatre reopened on Saturday night for the first time since the 2019 flood, with a new play about the night the river came through its doors.',
      '“High Water” follows the stage manager, the caretaker and three actors who spent that night carrying costumes up to the fly tower. All three actors play themselves.',
      'The restoration cost 3.2 million, most of it raised from ticket holders and local businesses. The stalls have been raised by 80 centimetres, and the old orchestra pit is now a flood channel.',
      'The run is sold out until the end of the month.',
    ],
    image: {
      scene: 'stage',
      alt: 'Illustration: three figures on a lit stage between red curtains',
      caption: 'The restored stage of the Harbour Theatre.',
    },
    life: { state: 'published', hoursAgo: 11 },
  },
  {
    slug: 'rovers-reach-cup-semi-final-on-penalties',
    section: 'sport',
    headline: 'Port Aldren Rovers reach the cup semi-final on penalties',
    standfirst: 'A goalkeeper who joined on loan in January saved twice in the shoot-out against Kessling Athletic.',
    dateline: 'KESSLING',
    writers: ['marek'],
    body: [
      'Port Aldren Rovers are in the semi-finals of the regional cup for the first time in eleven years after beating Kessling Athletic 4-3 on penalties on Sunday.',
      'The match ended 1-1 after extra time. Kessling led through a header from Jonas Bram, and Rovers equalised six minutes from the end of normal time when Teo Ahmadi turned in a low cross.',
      'Goalkeeper Luka Friis, on loan from a first-division club since January, saved the second and fifth Kessling penalties.',
      'Rovers will play the winner of Brennick City against Lakeside in the semi-final next month.',
    ],
    image: {
      scene: 'pitch',
      alt: 'Illustration: a striped green football pitch under floodlights, crowds in the stand behind',
      caption: 'The Kessling ground, where the match went to penalties.',
    },
    life: { state: 'published', hoursAgo: 14 },
  },
  {
    slug: 'lake-oster-ferry-returns-after-a-winter-in-dry-dock',
    section: 'world',
    headline: 'Lake Oster ferry returns after a winter in dry dock',
    standfirst: 'The 60-year-old Margit is back on the crossing with a new engine, and the fare is unchanged.',
    dateline: 'OSTERHAVEN',
    writers: ['reporter'],
    body: [
      'The Margit, the last of the old ferries on Lake Oster, returned to service on Monday after five months in dry dock, where she was given a new engine and a new hull coating.',
      'The crossing from Osterhaven to Linde takes 25 minutes and carries about 900 passengers a day in summer. During the repairs, passengers took a bus around the lake, a journey of more than an hour.',
      'The ferry company said the new engine would use a third less fuel. The fare stays at 3.50.',
    ],
    image: {
      scene: 'harbour',
      alt: 'Illustration: small boats with white and orange sails on a blue lake below hills',
      caption: 'Boats on Lake Oster, near the Osterhaven landing.',
    },
    life: { state: 'published', hoursAgo: 20 },
  },
  {
    slug: 'port-aldren-mayor-sets-out-plan-for-car-free-old-town',
    section: 'politics',
    headline: 'Port Aldren mayor sets out a plan for a car-free old town',
    standfirst:
      'Cars would be banned from the streets inside the old walls by 2028, with deliveries allowed before ten in the morning.',
    dateline: 'PORT ALDREN',
    writers: ['tomas', 'reporter'],
    body: [
      'Port Aldren’s mayor, Clara Voss, on Monday proposed closing the old town to cars by 2028, in a plan that would turn the streets inside the medieval walls over to pedestrians, bicycles and a small electric bus.',
      'Residents would keep permits for the three car parks by the walls. Deliveries would be allowed until 10 a.m.',
      'Shopkeepers are divided. The old town traders’ association said it would support the plan if parking outside the walls was free for the first hour.',
      'The council will vote on the plan in the autumn, after a public consultation.',
    ],
    image: {
      scene: 'skyline',
      alt: 'Illustration: tall city buildings with lit windows against a pale green sky',
      caption: 'Port Aldren seen from the east bank.',
    },
    life: { state: 'published', hoursAgo: 28 },
  },
  {
    slug: 'aldren-ferries-orders-four-electric-boats',
    section: 'business',
    headline: 'Aldren Ferries orders four electric boats for the harbour crossing',
    standfirst: 'The order, worth 36 million, will replace the diesel boats on the busiest crossing by 2027.',
    dateline: 'PORT ALDREN',
    writers: ['samuel'],
    body: [
      'Aldren Ferries has ordered four battery-electric boats from a shipyard in Kessling, the company said on Wednesday, in a deal worth 36 million.',
      'The boats will carry 300 passengers each and charge at both ends of the ten-minute crossing while passengers board.',
      'The company’s chief executive, Rolf Ahlgren, said the boats would cut the crossing’s fuel bill by two thirds.',
      'The first boat is due next summer and the last in 2027.',
    ],
    image: {
      scene: 'harbour',
      alt: 'Illustration: a harbour with sailing boats and low hills under a golden sky',
      caption: 'The harbour crossing, the busiest of the company’s routes.',
    },
    life: {
      state: 'published',
      hoursAgo: 30,
      correction: {
        hoursAgo: 26,
        text: 'An earlier version of this story said the boats would carry 300 passengers each. They will carry 180.',
        replace: ['carry 300 passengers each', 'carry 180 passengers each'],
      },
    },
  },
  {
    slug: 'kessling-choir-festival-draws-singers-from-30-towns',
    section: 'culture',
    headline: 'Kessling choir festival draws singers from 30 towns',
    standfirst:
      'More than 1,200 singers took part in the festival’s 50th year, the largest since it began in a church hall.',
    dateline: 'KESSLING',
    writers: ['lucia'],
    body: [
      'More than 1,200 singers from 30 towns took part in the Kessling choir festival this weekend, its largest since the first festival was held in a church hall in 1974.',
      'The festival ended on Sunday with all 42 choirs singing together in the market square.',
      'The youngest choir, from a primary school in Linde, won the audience prize.',
    ],
    image: {
      scene: 'stage',
      alt: 'Illustration: three singers on a stage lit from above, red curtains either side',
      caption: 'The final concert of the festival.',
    },
    life: { state: 'published', hoursAgo: 36 },
  },
  {
    slug: 'kessling-bakery-chain-opens-its-twentieth-shop',
    section: 'business',
    headline: 'Kessling bakery chain opens its twentieth shop',
    // No standfirst: search engines get the first paragraph instead.
    standfirst: '',
    dateline: 'KESSLING',
    writers: ['samuel'],
    body: [
      'Brot & Salz, the bakery chain that started as one shop by Kessling station in 2009, opened its twentieth branch on Saturday, in the former post office on Port Aldren’s harbour front, and said it would hire 40 more bakers next year.',
      'The company is still owned by its founders, Anja and Piet Moser, who bake the first batch of rye bread in Kessling every morning.',
      'It employs 310 people and had sales of 22 million last year.',
    ],
    image: {
      scene: 'skyline',
      alt: 'Illustration: a row of tall buildings with warm lit windows under a pale sky',
      caption: 'The harbour front, where the new shop opened.',
    },
    life: { state: 'published', hoursAgo: 44 },
  },
  {
    slug: 'city-libraries-lend-laptops-for-the-first-time',
    section: 'technology',
    headline: 'City libraries lend laptops for the first time',
    standfirst:
      'Two hundred laptops can be borrowed for three weeks with a library card, starting at the central library.',
    dateline: 'PORT ALDREN',
    writers: ['hana'],
    body: [
      'Port Aldren’s libraries began lending laptops on Monday, starting with 200 machines that can be borrowed for three weeks with an ordinary library card.',
      'The laptops were donated by companies replacing their own and refurbished by volunteers. Each one is wiped and reinstalled when it comes back.',
      'The head librarian, Tove Lind, said the scheme was aimed at students and job seekers without a computer at home.',
    ],
    image: {
      scene: 'circuit',
      alt: 'Illustration: white circuit tracks and round contacts on a slate-blue board',
      caption: 'Every laptop is wiped and reinstalled between loans.',
    },
    life: { state: 'published', hoursAgo: 50 },
  },
  {
    slug: 'marrow-valley-marathon-to-cap-runners-at-6000',
    section: 'sport',
    headline: 'Marrow Valley marathon to cap runners at 6,000',
    standfirst: 'Organisers say the valley road cannot take more, after a record 7,400 started last year.',
    dateline: 'MARROW',
    writers: ['marek'],
    body: [
      'The Marrow Valley marathon will limit entries to 6,000 runners this year, its organisers said on Friday, after last year’s race drew a record 7,400 starters and long queues at the narrow start in Marrow village.',
      'Places will be given out by ballot in March. Local clubs will keep 500 places for their members.',
      'The course, which follows the valley road down to the Selm, is unchanged.',
    ],
    image: {
      scene: 'valley',
      alt: 'Illustration: green hills and a winding river under a soft orange sky',
      caption: 'The valley road, which the course follows to the river.',
    },
    life: { state: 'published', hoursAgo: 60 },
  },
  {
    slug: 'night-trains-return-to-the-coast-line',
    section: 'world',
    headline: 'Night trains return to the coast line after twenty years',
    standfirst: 'A sleeper service between Port Aldren and the southern border starts in May, three nights a week.',
    writers: ['reporter'],
    body: [
      'Night trains will run on the coast line again from May, for the first time in twenty years, the national railway said on Thursday.',
      'The sleeper will leave Port Aldren at 10 p.m. three nights a week and reach the southern border at 7 a.m., with couchettes and a small number of private cabins.',
      'Fares start at 49 for a seat and 89 for a couchette.',
    ],
    image: {
      scene: 'valley',
      alt: 'Illustration: a short train crossing a valley between hills at sunset',
      caption: 'The coast line runs along the valley before it reaches the sea.',
    },
    life: { state: 'published', hoursAgo: 68 },
  },
  // Work in progress: every other state of the workflow.
  {
    slug: 'allotment-waiting-list-passes-400',
    section: 'world',
    headline: 'Allotment waiting list passes 400 in Port Aldren',
    standfirst: '',
    writers: ['reporter'],
    body: [
      'More than 400 people are now waiting for an allotment in Port Aldren, the council’s parks department said, some of them for six years.',
      'TO ADD: quote from the allotment society; how many plots the council plans.',
    ],
    life: { state: 'draft', hoursAgo: 0.7 },
    notes: [
      {
        by: 'editor',
        hoursAgo: 0.5,
        text: 'Good one for Saturday. Can you get a photo of the plots by the railway?',
      },
    ],
  },
  {
    slug: 'council-to-test-driverless-shuttle-on-the-seafront',
    section: 'technology',
    headline: 'Council to test a driverless shuttle on the seafront',
    standfirst:
      'A six-seat electric shuttle will run between the pier and the lido this summer, with a safety driver on board.',
    writers: ['hana'],
    body: [
      'A driverless electric shuttle will carry passengers along Port Aldren’s seafront for a three-month trial from June, the council said.',
    ],
    life: { state: 'draft', hoursAgo: 2 },
  },
  {
    slug: 'brennick-ministers-agree-to-review-school-transport',
    section: 'politics',
    headline: 'Brennick ministers agree to review school transport',
    standfirst: 'Parents in the hill districts say children spend two hours a day on buses.',
    dateline: 'BRENNICK',
    writers: ['tomas'],
    body: [
      'Brennick’s regional government will review school transport in the hill districts, after parents presented a petition with 9,000 signatures.',
      'Some children in the upper valleys spend more than two hours a day on school buses, the parents say.',
      'The review is due to report before the next school year.',
    ],
    life: { state: 'in_review', hoursAgo: 1 },
    notes: [
      { by: 'editor', hoursAgo: 0.8, text: 'Which ministers? Name them in the first paragraph if you can.' },
      { by: 'tomas', hoursAgo: 0.6, text: 'Education and transport — waiting for the transport office to confirm.' },
    ],
  },
  {
    slug: 'harbour-cranes-to-be-lit-at-night',
    section: 'business',
    headline: 'Harbour cranes to be lit at night from next month',
    standfirst: 'The four old cranes on the north quay will be lit in colour, paid for by the harbour board.',
    dateline: 'PORT ALDREN',
    writers: ['reporter'],
    body: [
      'The four disused cranes on Port Aldren’s north quay will be lit in colour every night from next month, the harbour board said.',
      'The lights will be switched off at midnight to spare the birds nesting on the breakwater.',
    ],
    life: { state: 'in_review', hoursAgo: 0.4 },
  },
  {
    slug: 'night-buses-to-run-through-the-summer',
    section: 'world',
    headline: 'Night buses to run through the summer',
    standfirst: 'Three night routes will run every weekend until September.',
    writers: ['reporter'],
    body: [
      'Port Aldren’s three night bus routes will run every Friday and Saturday until the end of September, the transport authority said.',
      'The routes link the harbour, the station and the university.',
    ],
    life: {
      state: 'changes_requested',
      hoursAgo: 3,
      note: 'Please add what the service costs and who pays for it, in the second paragraph.',
    },
  },
  {
    slug: 'kessling-library-extension-wins-design-prize',
    section: 'culture',
    headline: 'Kessling library extension wins national design prize',
    standfirst: 'The timber reading room was built for a fraction of the cost of the glass design it replaced.',
    dateline: 'KESSLING',
    writers: ['lucia'],
    body: [
      'The new timber reading room at Kessling library has won the national prize for public buildings.',
      'The judges praised its use of local larch and its low running costs.',
    ],
    life: { state: 'approved', hoursAgo: 2 },
  },
  {
    slug: 'rovers-name-squad-for-the-semi-final',
    section: 'sport',
    headline: 'Rovers name their squad for the cup semi-final',
    standfirst: 'Goalkeeper Luka Friis is in, after his loan was extended to the end of the season.',
    writers: ['marek'],
    body: [
      'Port Aldren Rovers have named a 20-man squad for next month’s cup semi-final, including goalkeeper Luka Friis, whose loan has been extended to the end of the season.',
    ],
    life: { state: 'scheduled', hoursAgo: 1, publishInHours: 20 },
  },
  {
    slug: 'ferry-fares-to-rise-by-8-percent',
    section: 'business',
    headline: 'Ferry fares to rise by 8 percent',
    standfirst: 'The increase on the harbour crossing would be the first in four years.',
    writers: ['samuel'],
    body: ['Fares on the harbour ferry will rise by 8 percent from April, according to a draft timetable.'],
    life: {
      state: 'unpublished',
      hoursAgo: 52,
      unpublishedHoursAgo: 50,
      note: 'The operator has not confirmed the fares; held until it does.',
    },
  },
  {
    slug: 'stadium-roof-to-be-replaced-this-summer',
    section: 'sport',
    headline: 'Stadium roof to be replaced this summer',
    standfirst: 'The Rovers ground would lose its main stand for a season.',
    writers: ['marek'],
    body: [
      'The roof of the main stand at the Rovers ground will be replaced this summer, the club’s supporters’ trust said.',
    ],
    life: {
      state: 'killed',
      hoursAgo: 40,
      killedHoursAgo: 38,
      by: 'admin',
      note: 'The club says no decision has been taken and the trust has withdrawn its statement.',
    },
  },
  {
    slug: 'phone-signal-blackspots-mapped',
    section: 'technology',
    headline: 'Phone signal blackspots mapped by volunteers',
    standfirst: '',
    writers: ['hana'],
    body: ['Volunteers have mapped the places in the Marrow Valley where phones lose their signal.'],
    life: { state: 'spiked', hoursAgo: 5, by: 'hana', note: 'Samuel is writing this up for Business instead.' },
  },
];

/**
 * The demo's story from the wire: the AFP-style item in the demo wire (one of the
 * project's own fixtures), made into a draft with `Create story`, given a standfirst,
 * a picture and a shorter address, and published with the agency credited.
 */
export const DEMO_WIRE_STORY = {
  /** The fixture in lib/wire/fixtures that the item comes from (ingested by seedDemoWire). */
  wireFile: 'plain-text/web-copy-afp.txt',
  slug: 'valmoreau-votes-to-ban-cruise-ships',
  standfirst: 'Day visitors outnumbered residents twenty to one last summer; the ban takes effect next spring.',
  writer: 'reporter' as DemoPerson,
  createdHoursAgo: 6.5,
  publishedHoursAgo: 6,
  image: {
    scene: 'harbour' as DemoScene,
    alt: 'Illustration: sailing boats in a calm harbour, hills behind, under a blue sky',
    caption: 'Valmoreau’s old port, where cruise ships will no longer moor.',
  },
} as const;

/** The editors' front page: lead first, then the top stories they ordered (pinned by the demo editor). */
export const DEMO_FRONT_PAGE: readonly string[] = [
  'selm-flood-barrier-holds-as-river-reaches-record-height',
  'open-source-flood-map-built-by-students-goes-live',
  'brennick-assembly-passes-budget-after-late-night-vote',
];

/** How many published stories the demo puts in a section (the wire story is in World). */
export function demoPublishedCount(section: DemoSectionSlug): number {
  const own = DEMO_STORIES.filter((story) => story.section === section && story.life.state === 'published').length;
  return own + (section === 'world' ? 1 : 0);
}
