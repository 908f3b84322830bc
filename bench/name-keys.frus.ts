/**
 * How far `nameKeys` carries to names it was not built on: the persons lists of the FRUS volumes
 * in ../shared (`<div xml:id="persons">`), whose Chinese and Korean names are in Wade–Giles and
 * McCune–Reischauer as the editors printed them (marks dropped or kept, hyphens, typos), and
 * whose Soviet names are in the State Department's spellings.
 *
 *   npx tsx bench/name-keys.frus.ts
 *
 * The other form of each name is written here by hand: characters for the Chinese, Hangul for
 * the Korean, Cyrillic for the Soviet names. Every pair is checked for a shared zh, ko or ru key
 * (and, where they fail, a shared ph key), and the share that meets is printed. Nothing of this
 * list is read by the module: it is the check, not the tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nameKeys } from '../src/names/translit/name.keys.ts';

const VOLUMES = fileURLToPath(new URL('../../shared/corpus/frus-volumes/', import.meta.url));

/** Every name of the persons lists, as printed. */
function personsListNames(): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(VOLUMES).filter((f) => f.endsWith('.xml'))) {
    const xml = readFileSync(`${VOLUMES}${file}`, 'utf8');
    const start = xml.indexOf('xml:id="persons"');
    if (start < 0) continue;
    const list = xml.slice(start, xml.indexOf('</div>', start));
    for (const match of list.matchAll(/<persName[^>]*xml:id="[^"]*"[^>]*>([\s\S]*?)<\/persName>/g)) {
      names.add(
        (match[1] ?? '')
          .replace(/<[^>]+>/g, '')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
  }
  return names;
}

/** [the name as a persons list prints it (its part before a comma or parenthesis), the other form]. */
const CHINESE: readonly [string, string][] = [
  ['Chou En-lai', '周恩来'],
  ['Chang Han-fu', '章汉夫'],
  ['Ch’en Ch’eng', '陈诚'],
  ['Chiang Ching-kuo', '蒋经国'],
  ['Chou Shu-kai', '周书楷'],
  ['Hsu Shao-chang', '许绍昌'],
  ['Mao Tse-tung', '毛泽东'],
  ['Peng Meng-chi', '彭孟缉'],
  ['Shen Chang-huan', '沈昌焕'],
  ['Tan Shao-hua', '谭绍华'],
  ['Wang Ping-nan', '王炳南'],
  ['Chen Yi', '陈毅'],
  ["Ch'en Yi", '陈毅'],
  ['Yen Kung-ch’ao', '叶公超'],
  ['Yu Ta-wai', '俞大维'],
  ['Yu Hung-chun', '俞鸿钧'],
  ['Chiang Kai-shek', '蒋介石'],
  ['Tsiang', '蒋'],
  ['Mao Zedong', '毛泽东'],
  ['Zhou Enlai', '周恩来'],
];

/** Chinese names of the volumes' texts (not in their persons lists), to pass twenty. */
const CHINESE_IN_TEXTS: readonly [string, string][] = [
  ['Huang Hua', '黄华'],
  ['Sun Li-jen', '孙立人'],
  ['Peng Te-huai', '彭德怀'],
  ['Peng Tehuai', '彭德怀'],
  ['Kao Kang', '高岗'],
  ['Wang Shih-chieh', '王世杰'],
  ['Liu Shao-chi', '刘少奇'],
  ['Hu Shih', '胡适'],
  ['Chu Teh', '朱德'],
  ['Chen Yun', '陈云'],
  ['Chang Chun', '张群'],
  ['Yen Chia-kan', '严家淦'],
];

const KOREAN: readonly [string, string][] = [
  ['Kim Il-sung', '김일성'],
  ['Cho Bong-am', '조봉암'],
  ['Cho Pong-am', '조봉암'],
  ['Cho Chong-hwan', '조정환'],
  ['Cho Pyong-ok', '조병옥'],
  ['Choe Kyu-ha', '최규하'],
  ["Ch'oe Yong-hui", '최영희'],
  ['Chong Il-kwon', '정일권'],
  ['Chong Il-yong', '정일영'],
  ["Kim Chong-p'il", '김종필'],
  ['Kim Hyon-chol', '김현철'],
  ['Kim Hyong-uk', '김형욱'],
  ['Kim Song-un', '김성은'],
  ['Kim Tong-cho', '김동조'],
  ['Kwak Sang-hun', '곽상훈'],
  ['Song In-sang', '송인상'],
  ['Song Yo-chan', '송요찬'],
  ['Yi Ki-pung', '이기붕'],
  ['Yu Chae-hung', '유재흥'],
  ['Chang Chang-kuk', '장창국'],
  ['Pak Chong-hui', '박정희'],
  ['Yi Tong-won', '이동원'],
  ['Yun Po-son', '윤보선'],
  ['Yi Hu-rak', '이후락'],
  ['Park Chung-hee', '박정희'],
];

const SOVIET: readonly [string, string][] = [
  ['Gromyko, Andrei Andreevich', 'Громыко, Андрей Андреевич'],
  ['Khrushchev, Nikita Sergeyevich', 'Хрущёв, Никита Сергеевич'],
  ['Khrushchev, Nikita Sergeivich', 'Хрущёв, Никита Сергеевич'],
  ['Kuznetsov, Vasili Vasilievich', 'Кузнецов, Василий Васильевич'],
  ['Kuznetzov, Vasili V.', 'Кузнецов, Василий В.'],
  ['Kuznetsov, Vassily V.', 'Кузнецов, Василий В.'],
  ['Malinovsky, Rodion Ya.', 'Малиновский, Родион Я.'],
  ['Dobrynin, Anatoly Fedorovich', 'Добрынин, Анатолий Фёдорович'],
  ['Bulganin, Nikolai Alexandrovich', 'Булганин, Николай Александрович'],
  ['Mikoyan, Anastas Ivanovich', 'Микоян, Анастас Иванович'],
  ['Molotov, Vyacheslav Mikhailovich', 'Молотов, Вячеслав Михайлович'],
  ['Malenkov, Georgiy Maksimilianovich', 'Маленков, Георгий Максимилианович'],
  ['Semenov, Vladimir Semyonovich', 'Семёнов, Владимир Семёнович'],
  ['Shepilov, Dmitrii Trofimovich', 'Шепилов, Дмитрий Трофимович'],
  ['Shepilov, Dimitri T.', 'Шепилов, Дмитрий Т.'],
  ['Zhukov, Georgii Konstantinovich', 'Жуков, Георгий Константинович'],
  ['Tsarapkin, Semen Konstantinovich', 'Царапкин, Семён Константинович'],
  ['Roshchin, Alexei Alexeevich', 'Рощин, Алексей Алексеевич'],
  ['Menshikov, Mikhail Alexeyevich', 'Меньшиков, Михаил Алексеевич'],
  ['Pervukhin, Mikhail Georgievich', 'Первухин, Михаил Георгиевич'],
  ['Zorin, Valerian Aleksandrovich', 'Зорин, Валериан Александрович'],
  ['Brezhnev, Leonid Ilyich', 'Брежнев, Леонид Ильич'],
  ['Kosygin, Alexei N.', 'Косыгин, Алексей Н.'],
  ['Podgorny, Nikolai V.', 'Подгорный, Николай В.'],
  ['Troyanovski, Oleg Antonovich', 'Трояновский, Олег Антонович'],
  ['Pegov, Nikolai Mikhailovitch', 'Пегов, Николай Михайлович'],
  ['Fedorenko, Nikolai Trofimovisch', 'Федоренко, Николай Трофимович'],
  ['Sukhodrev, Victor M.', 'Суходрев, Виктор М.'],
  ['Malik, Yakov Aleksandrovich', 'Малик, Яков Александрович'],
  ['Malik, Jacob A.', 'Малик, Яков А.'],
  ['Abrasimov, Pyotr A.', 'Абрасимов, Пётр А.'],
  ['Tcherniakov, Yuri N.', 'Черняков, Юрий Н.'],
  ['Zaroubin, Georgi N.', 'Зарубин, Георгий Н.'],
  ['Kharlamov, Mikhail A.', 'Харламов, Михаил А.'],
  ['Blagonravov, Anatoli A.', 'Благонравов, Анатолий А.'],
  ['Vorontsov, Yuli M.', 'Воронцов, Юлий М.'],
  ['Sobolev, Arkady N.', 'Соболев, Аркадий Н.'],
  ['Firyubin, Nikolai', 'Фирюбин, Николай'],
  ['Kornienko, Georgi M.', 'Корниенко, Георгий М.'],
  ['Dobrynin, Anatoliy', 'Добрынин, Анатолий'],
];

const keySet = (form: string, families: readonly string[]) =>
  new Set(nameKeys(form).flatMap((k) => (families.includes(k.family) ? [`${k.family}:${k.key}`] : [])));
const meet = (a: string, b: string, families: readonly string[]) => {
  const other = keySet(b, families);
  return [...keySet(a, families)].some((key) => other.has(key));
};

const printed = personsListNames();
const inLists = (name: string) => [...printed].some((p) => p.includes(name));

function report(title: string, pairs: readonly [string, string][], family: string): void {
  let precise = 0;
  let dictionary = 0;
  let loose = 0;
  const failures: string[] = [];
  for (const [latin, other] of pairs) {
    if (meet(latin, other, [family])) precise++;
    else if (meet(latin, other, ['cc'])) {
      dictionary++;
      failures.push(`${latin} = ${other} (dictionary)`);
    } else if (meet(latin, other, ['ph'])) {
      loose++;
      failures.push(`${latin} ~ ${other} (ph only)`);
    } else failures.push(`${latin} ≠ ${other}`);
  }
  const share = ((100 * precise) / pairs.length).toFixed(0);
  console.log(
    `${title}: ${precise}/${pairs.length} meet by ${family} (${share}%), ${dictionary} more by the dictionary (cc), ${loose} more by ph only`,
  );
  for (const failure of failures) console.log(`    ${failure}`);
}

const missing = [...CHINESE, ...KOREAN, ...SOVIET]
  .map(([latin]) => latin.split(',')[0] ?? latin)
  .filter((name) => !inLists(name) && !['Mao Zedong', 'Zhou Enlai', 'Tsiang'].includes(name));
if (missing.length > 0) console.log(`not found in the persons lists as printed: ${missing.join('; ')}`);

report('Chinese, persons lists (Wade–Giles and press) vs characters', CHINESE, 'zh');
report('Chinese, volumes’ texts vs characters', CHINESE_IN_TEXTS, 'zh');
report('Korean, persons lists (McCune–Reischauer and press) vs Hangul', KOREAN, 'ko');
report('Soviet, persons lists vs Cyrillic, whole entry', SOVIET, 'ru');
report(
  'Soviet, persons lists vs Cyrillic, surname alone',
  SOVIET.map(([latin, cyrillic]) => [latin.split(',')[0] ?? latin, cyrillic.split(',')[0] ?? cyrillic]),
  'ru',
);
