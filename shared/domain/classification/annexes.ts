/**
 * The two lists that make a system high-risk under Art. 6: the Union harmonisation legislation of
 * Annex I (Section A and Section B) and the use cases of Annex III (eight areas and their points).
 * Area titles are the official headings (they match frameworks/eu-ai-act.yaml); point descriptions
 * and legislation subjects are our own short words, never the text of the Regulation.
 */

export type AnnexISection = 'A' | 'B';

export interface AnnexILegislation {
  /** Stable id used in answers. */
  id: string;
  section: AnnexISection;
  /** Position in Annex I, numbered through both sections as the Annex does. */
  point: number;
  /** The act as cited, e.g. "Regulation (EU) 2017/745". */
  act: string;
  /** What the act covers, in our words. */
  subject: string;
}

export const annexILegislation: readonly AnnexILegislation[] = [
  { id: 'machinery', section: 'A', point: 1, act: 'Directive 2006/42/EC', subject: 'Machinery' },
  { id: 'toys', section: 'A', point: 2, act: 'Directive 2009/48/EC', subject: 'Toy safety' },
  { id: 'recreational_craft', section: 'A', point: 3, act: 'Directive 2013/53/EU', subject: 'Recreational craft and personal watercraft' },
  { id: 'lifts', section: 'A', point: 4, act: 'Directive 2014/33/EU', subject: 'Lifts and their safety components' },
  { id: 'explosive_atmospheres', section: 'A', point: 5, act: 'Directive 2014/34/EU', subject: 'Equipment for potentially explosive atmospheres' },
  { id: 'radio_equipment', section: 'A', point: 6, act: 'Directive 2014/53/EU', subject: 'Radio equipment' },
  { id: 'pressure_equipment', section: 'A', point: 7, act: 'Directive 2014/68/EU', subject: 'Pressure equipment' },
  { id: 'cableways', section: 'A', point: 8, act: 'Regulation (EU) 2016/424', subject: 'Cableway installations' },
  { id: 'personal_protective_equipment', section: 'A', point: 9, act: 'Regulation (EU) 2016/425', subject: 'Personal protective equipment' },
  { id: 'gas_appliances', section: 'A', point: 10, act: 'Regulation (EU) 2016/426', subject: 'Appliances burning gaseous fuels' },
  { id: 'medical_devices', section: 'A', point: 11, act: 'Regulation (EU) 2017/745', subject: 'Medical devices' },
  { id: 'in_vitro_diagnostics', section: 'A', point: 12, act: 'Regulation (EU) 2017/746', subject: 'In vitro diagnostic medical devices' },
  { id: 'civil_aviation_security', section: 'B', point: 13, act: 'Regulation (EC) No 300/2008', subject: 'Civil aviation security' },
  { id: 'two_three_wheel_vehicles', section: 'B', point: 14, act: 'Regulation (EU) No 168/2013', subject: 'Two- or three-wheel vehicles and quadricycles' },
  { id: 'agricultural_vehicles', section: 'B', point: 15, act: 'Regulation (EU) No 167/2013', subject: 'Agricultural and forestry vehicles' },
  { id: 'marine_equipment', section: 'B', point: 16, act: 'Directive 2014/90/EU', subject: 'Marine equipment' },
  { id: 'rail_interoperability', section: 'B', point: 17, act: 'Directive (EU) 2016/797', subject: 'Interoperability of the rail system' },
  { id: 'motor_vehicles', section: 'B', point: 18, act: 'Regulation (EU) 2018/858', subject: 'Motor vehicles and their trailers' },
  { id: 'vehicle_general_safety', section: 'B', point: 19, act: 'Regulation (EU) 2019/2144', subject: 'Type-approval of motor vehicles (general safety)' },
  { id: 'civil_aviation', section: 'B', point: 20, act: 'Regulation (EU) 2018/1139', subject: 'Civil aviation and the European Union Aviation Safety Agency' },
];

export const annexILegislationIds = annexILegislation.map((l) => l.id) as [string, ...string[]];

export type AnnexIIIAreaNumber = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8';
export const annexIIIAreaNumbers = ['1', '2', '3', '4', '5', '6', '7', '8'] as const satisfies readonly AnnexIIIAreaNumber[];

export interface AnnexIIIPoint {
  /** The point's letter; empty for area 2, which has no lettered points. */
  letter: string;
  /** What the use case covers, in our words. */
  description: string;
}

export interface AnnexIIIArea {
  area: AnnexIIIAreaNumber;
  /** The official heading of the area. */
  title: string;
  points: readonly AnnexIIIPoint[];
}

export const annexIIIAreas: readonly AnnexIIIArea[] = [
  {
    area: '1',
    title: 'Biometrics',
    points: [
      { letter: 'a', description: 'Remote biometric identification (not mere verification that a person is who they claim to be)' },
      { letter: 'b', description: 'Biometric categorisation by sensitive or protected attributes inferred from biometric data' },
      { letter: 'c', description: 'Emotion recognition' },
    ],
  },
  {
    area: '2',
    title: 'Critical infrastructure',
    points: [{ letter: '', description: 'Safety component in running critical digital infrastructure, road traffic, or the supply of water, gas, heating or electricity' }],
  },
  {
    area: '3',
    title: 'Education and vocational training',
    points: [
      { letter: 'a', description: 'Deciding access or admission to, or assignment within, education and training institutions' },
      { letter: 'b', description: 'Evaluating learning outcomes, including to steer the learning process' },
      { letter: 'c', description: 'Assessing the level of education a person will receive or can access' },
      { letter: 'd', description: 'Monitoring and detecting forbidden behaviour of students during tests' },
    ],
  },
  {
    area: '4',
    title: 'Employment, workers’ management and access to self-employment',
    points: [
      { letter: 'a', description: 'Recruitment and selection: targeted job ads, filtering applications, evaluating candidates' },
      { letter: 'b', description: 'Decisions on work terms, promotion or termination, allocating tasks by behaviour or traits, monitoring and evaluating workers' },
    ],
  },
  {
    area: '5',
    title: 'Access to and enjoyment of essential private services and essential public services and benefits',
    points: [
      { letter: 'a', description: 'Public authorities evaluating eligibility for essential public benefits and services, including healthcare' },
      { letter: 'b', description: 'Evaluating creditworthiness or setting a credit score of natural persons (fraud detection excepted)' },
      { letter: 'c', description: 'Risk assessment and pricing for natural persons in life and health insurance' },
      { letter: 'd', description: 'Evaluating and classifying emergency calls, dispatching emergency services, or emergency patient triage' },
    ],
  },
  {
    area: '6',
    title: 'Law enforcement',
    points: [
      { letter: 'a', description: 'Assessing the risk of a person becoming the victim of a crime' },
      { letter: 'b', description: 'Polygraphs and similar tools' },
      { letter: 'c', description: 'Evaluating the reliability of evidence in investigations or prosecutions' },
      { letter: 'd', description: 'Assessing the risk of offending or re-offending (not solely by profiling), or personality traits or past criminal behaviour' },
      { letter: 'e', description: 'Profiling of natural persons in detecting, investigating or prosecuting crime' },
    ],
  },
  {
    area: '7',
    title: 'Migration, asylum and border control management',
    points: [
      { letter: 'a', description: 'Polygraphs and similar tools' },
      { letter: 'b', description: 'Assessing a security, irregular-migration or health risk posed by a person entering the territory' },
      { letter: 'c', description: 'Assisting the examination of asylum, visa and residence applications and related complaints' },
      { letter: 'd', description: 'Detecting, recognising or identifying persons (travel document checks excepted)' },
    ],
  },
  {
    area: '8',
    title: 'Administration of justice and democratic processes',
    points: [
      { letter: 'a', description: 'Assisting a judicial authority or alternative dispute resolution in researching and applying facts and law' },
      { letter: 'b', description: 'Influencing the outcome of an election or referendum or how people vote (back-office campaign tools excepted)' },
    ],
  },
];

export function annexIIIArea(area: AnnexIIIAreaNumber): AnnexIIIArea {
  return annexIIIAreas.find((a) => a.area === area)!;
}

/** The identifier as cited: "Annex III point 5(b)", or "Annex III point 2" for the unlettered area. */
export function annexIIIRef(area: AnnexIIIAreaNumber, letter: string): string {
  return letter ? `Annex III point ${area}(${letter})` : `Annex III point ${area}`;
}
