/** Word lists for the demo data. Every person made from them is invented. */

export const FIRST_NAMES_EN = [
  'James', 'Olivia', 'Michael', 'Emma', 'Daniel', 'Ava', 'Christopher', 'Sophia', 'Matthew', 'Isabella',
  'Andrew', 'Mia', 'Joshua', 'Charlotte', 'Ryan', 'Amelia', 'Brandon', 'Harper', 'Tyler', 'Evelyn',
  'Kevin', 'Abigail', 'Jason', 'Emily', 'Justin', 'Madison', 'Eric', 'Chloe', 'Aaron', 'Grace',
  'Nathan', 'Hannah', 'Dylan', 'Natalie', 'Marcus', 'Brianna', 'Trevor', 'Kayla', 'Derek', 'Lauren',
  'Wei', 'Priya', 'Kenji', 'Aisha', 'Dmitri', 'Zoë', 'Siobhan', 'Rahul', 'Mei', 'Tariq',
  'Björn', 'Ingrid', 'Noah', 'Leah', 'Caleb', 'Jasmine', 'Owen', 'Tamika', 'Dashawn', 'Renée',
] as const;

export const FIRST_NAMES_ES = [
  'José', 'María', 'Jesús', 'Sofía', 'Raúl', 'Lucía', 'Andrés', 'Valentina', 'Joaquín', 'Ximena',
  'Martín', 'Camila', 'Héctor', 'Mónica', 'Iván', 'Inés', 'Rubén', 'Ángela', 'Óscar', 'Araceli',
  'Alejandro', 'Guadalupe', 'Diego', 'Paola', 'Tomás',
] as const;

export const FIRST_NAMES_FR = [
  'Léa', 'Mathieu', 'Chloé', 'Étienne', 'Émilie', 'François', 'Geneviève', 'Jérôme', 'Héloïse', 'Benoît',
  'Mélanie', 'Frédéric', 'Noémie', 'Sébastien', 'Amélie', 'Rémi', 'Maëlle', 'Jean-Philippe', 'Marie-Ève', 'Gaël',
  'Josée', 'Olivier', 'Anaïs', 'Luc', 'Céline', 'Thierry', 'Solène', 'Marc-André', 'Élodie', 'Hugues',
] as const;

export const LAST_NAMES_EN = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas',
  'Moore', 'Jackson', 'Harris', 'Clark', 'Lewis', 'Walker', 'Young', 'Allen', 'King', 'Wright',
  'Hill', 'Green', 'Baker', 'Adams', 'Nelson', 'Carter', 'Mitchell', 'Roberts', 'Turner', 'Phillips',
  'Campbell', 'Parker', 'Evans', 'Collins', 'Stewart', 'Morris', 'Murphy', 'Cook', 'Rogers', 'Reed',
  "O'Brien", "O'Neill", 'McAllister', 'Nguyen', 'Kim', 'Patel', 'Chen', 'Okafor', 'Kowalski', 'Novak',
  'Van der Berg', 'Da Silva', 'St. James', 'Smith-Jones', 'Harper-Lee', 'Ashford-Reyes', 'Lindqvist', 'Yamamoto', 'Haddad', 'Schröder',
] as const;

export const LAST_NAMES_ES = [
  'Núñez', 'García', 'Martínez', 'Rodríguez', 'Hernández', 'López', 'González', 'Pérez', 'Sánchez', 'Ramírez',
  'Jiménez', 'Gómez', 'Díaz', 'Muñoz', 'Álvarez', 'Ibáñez', 'Ortiz', 'Castillo', 'Vargas', 'Peña',
  'De la Cruz', 'Del Río', 'García-Márquez', 'Fernández-Soto', 'Ruiz',
] as const;

export const LAST_NAMES_FR = [
  'Bélanger', 'Tremblay', 'Gagnon', 'Côté', 'Bouchard', 'Gauthier', 'Lévesque', 'Bergeron', 'Leblanc', 'Pelletier',
  'Lefèbvre', 'Gélinas', 'Thériault', 'Paré', 'Ménard', 'Desrosiers', 'Beaulieu', 'Poirier', 'Fréchette', 'Lachapelle',
  'Saint-Pierre', 'Roy-Lavoie', 'Dubé', 'Champagne', 'Caron', 'Des Rivières', 'Morin-Hébert', 'Éthier', 'Ouellet', 'Larivière',
] as const;

/**
 * Real North American area codes from many regions. Customers move, so not every phone on an
 * account is local to the store; this list keeps the fictional 555-01xx numbers from running out.
 */
export const AREA_CODES = [
  '201', '202', '203', '205', '206', '207', '208', '209', '210', '212', '213', '214', '215', '216', '217', '218',
  '219', '224', '225', '228', '229', '231', '234', '239', '240', '248', '251', '252', '253', '254', '256', '260',
  '262', '267', '269', '270', '276', '281', '301', '302', '303', '304', '305', '307', '308', '309', '310', '312',
  '313', '314', '315', '316', '317', '318', '319', '320', '321', '323', '330', '334', '336', '337', '339', '347',
  '352', '360', '361', '385', '386', '401', '402', '404', '405', '406', '407', '408', '409', '410', '412', '413',
  '414', '415', '417', '419', '423', '425', '432', '434', '435', '440', '442', '443', '458', '469', '470', '475',
  '478', '479', '480', '484', '501', '502', '503', '504', '505', '507', '508', '509', '510', '512', '513', '515',
  '516', '517', '518', '520', '530', '541', '551', '559', '561', '562', '563', '567', '570', '571', '573', '574',
  '575', '580', '585', '586', '601', '602', '603', '605', '606', '607', '608', '609', '610', '612', '614', '615',
  '616', '617', '618', '619', '620', '623', '626', '630', '631', '636', '641', '646', '650', '651', '657', '660',
  '661', '662', '678', '682', '701', '702', '703', '704', '706', '707', '708', '712', '713', '714', '715', '716',
  '717', '718', '719', '720', '724', '727', '731', '732', '734', '737', '740', '747', '754', '757', '760', '763',
  '765', '770', '772', '773', '774', '775', '781', '785', '786', '801', '802', '803', '804', '805', '806', '808',
  '810', '812', '813', '814', '815', '816', '817', '818', '828', '830', '831', '832', '843', '845', '847', '848',
  '850', '856', '857', '858', '859', '860', '862', '863', '864', '865', '870', '901', '903', '904', '907', '908',
  '909', '910', '912', '913', '914', '915', '916', '917', '918', '919', '920', '925', '928', '931', '936', '937',
  '940', '941', '949', '951', '952', '954', '956', '970', '971', '972', '973', '978', '979', '980', '985', '989',
  // Canada
  '204', '226', '236', '249', '250', '289', '306', '343', '365', '403', '416', '418', '431', '437', '438', '450',
  '506', '514', '519', '548', '579', '581', '587', '604', '613', '639', '647', '705', '709', '778', '780', '782',
  '807', '819', '825', '867', '873', '902', '905',
] as const;

/** Lower-case, accents removed (NFD + combining marks stripped): "Léa Bélanger" -> "lea belanger". */
export function plainName(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}
