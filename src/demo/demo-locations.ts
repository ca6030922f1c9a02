import type { Location } from '../features/locations/locations.schemas';

/** The district managers of the demo stores: Rosa and Geneviève look after two stores each, Marcus three. */
export const DEMO_DISTRICT_MANAGERS = {
  rosa: { id: '00000000-0000-0000-0001-000000000001', name: 'Rosa Delgado', phone: '5035550188', email: 'rosa.delgado@example.com' },
  marcus: { id: '00000000-0000-0000-0001-000000000002', name: 'Marcus Whitfield', phone: '6025550177', email: 'marcus.whitfield@example.com' },
  genevieve: { id: '00000000-0000-0000-0001-000000000003', name: 'Geneviève Tremblay', phone: '5145550166', email: 'genevieve.tremblay@example.com' },
} as const;

const dm = DEMO_DISTRICT_MANAGERS;
const weekdays = (open: string, close: string) => ({ days: 'Mon-Fri', open, close });
const saturday = (open: string, close: string) => ({ days: 'Sat', open, close });
const sunday = (open: string, close: string) => ({ days: 'Sun', open, close });
const everyDay = (open: string, close: string) => ({ days: 'Mon-Sun', open, close });

/** The demo stores. Addresses are invented; phones are in the fictional 555-01xx range. */
export const DEMO_LOCATIONS: Location[] = [
  {
    id: 'PDX1', name: 'Deskmate Storage Portland Foster Road',
    address: { street: '8420 SE Foster Rd', city: 'Portland', state: 'OR', zip: '97266' },
    phone: '5035550100', email: 'pdx1@example.com', website: 'https://portland-foster.example.com',
    timeZone: 'America/Los_Angeles',
    officeHours: [weekdays('09:00', '18:00'), saturday('09:00', '17:00'), sunday('10:00', '16:00')],
    accessHours: [everyDay('06:00', '22:00')],
    gateSystem: 'OpenTech', districtManager: { ...dm.rosa },
  },
  {
    id: 'SEA1', name: 'Deskmate Storage Seattle Rainier Valley',
    address: { street: '4711 Rainier Ave S', city: 'Seattle', state: 'WA', zip: '98118' },
    phone: '2065550101', email: 'sea1@example.com', website: 'https://seattle-rainier.example.com',
    timeZone: 'America/Los_Angeles',
    officeHours: [weekdays('09:30', '18:00'), saturday('09:00', '17:00')],
    accessHours: [everyDay('05:00', '23:00')],
    gateSystem: 'PTI Security', districtManager: { ...dm.rosa },
    notes: 'Freight elevator in building B is out of service on the first Monday of each month for inspection.',
  },
  {
    id: 'DEN1', name: 'Deskmate Storage Denver Colfax',
    address: { street: '10250 E Colfax Ave', city: 'Aurora', state: 'CO', zip: '80010' },
    phone: '3035550102', email: 'den1@example.com', website: 'https://denver-colfax.example.com',
    timeZone: 'America/Denver',
    officeHours: [weekdays('09:00', '17:30'), saturday('09:00', '16:00')],
    accessHours: [everyDay('06:00', '21:00')],
    gateSystem: 'Keypad only', districtManager: { ...dm.marcus },
  },
  {
    id: 'PHX1', name: 'Deskmate Storage Phoenix Camelback',
    address: { street: '3915 W Camelback Rd', city: 'Phoenix', state: 'AZ', zip: '85019' },
    phone: '6025550103', email: 'phx1@example.com', website: 'https://phoenix-camelback.example.com',
    timeZone: 'America/Phoenix',
    officeHours: [weekdays('08:00', '17:00'), saturday('08:00', '14:00')],
    accessHours: [everyDay('05:00', '22:00')],
    gateSystem: 'OpenTech', districtManager: { ...dm.marcus },
    notes: 'Climate-controlled building is on the north side; drive-up units open onto the east lane.',
  },
  {
    id: 'AUS1', name: 'Deskmate Storage Austin Burnet Road',
    address: { street: '9107 Burnet Rd', city: 'Austin', state: 'TX', zip: '78758' },
    phone: '5125550104', email: 'aus1@example.com', website: 'https://austin-burnet.example.com',
    timeZone: 'America/Chicago',
    officeHours: [weekdays('09:00', '18:00'), saturday('09:00', '17:00'), sunday('11:00', '16:00')],
    accessHours: [everyDay('06:00', '22:00')],
    gateSystem: 'PTI Security', districtManager: { ...dm.marcus },
  },
  {
    id: 'MTL1', name: 'Entreposage Deskmate Montréal Rosemont',
    address: { street: '5870 boulevard Saint-Michel', city: 'Montréal', state: 'QC', zip: 'H1Y 2C9' },
    phone: '5145550105', email: 'mtl1@example.com', website: 'https://montreal-rosemont.example.com',
    timeZone: 'America/Toronto',
    officeHours: [weekdays('09:00', '18:00'), saturday('09:00', '16:00')],
    accessHours: [everyDay('07:00', '21:00')],
    gateSystem: 'OpenTech', districtManager: { ...dm.genevieve },
    notes: 'Bilingual office; most customers prefer French. Letters go out in the language on the account.',
  },
  {
    id: 'OTT1', name: 'Deskmate Storage Ottawa Merivale',
    address: { street: '1642 Merivale Rd', city: 'Ottawa', state: 'ON', zip: 'K2G 3K2' },
    phone: '6135550106', email: 'ott1@example.com', website: 'https://ottawa-merivale.example.com',
    timeZone: 'America/Toronto',
    officeHours: [weekdays('09:00', '17:00'), saturday('10:00', '15:00')],
    accessHours: [everyDay('07:00', '21:00')],
    gateSystem: 'Keypad only', districtManager: { ...dm.genevieve },
  },
];

/** Area codes local to each store; customers' phones mostly use these. */
export const LOCAL_AREA_CODES: Record<string, readonly string[]> = {
  PDX1: ['503', '971', '360'],
  SEA1: ['206', '425', '253'],
  DEN1: ['303', '720', '970'],
  PHX1: ['602', '480', '623'],
  AUS1: ['512', '737', '254'],
  MTL1: ['514', '438', '450'],
  OTT1: ['613', '343', '819'],
};
