-- 0002_countries.sql: reference data for countries, their aliases and the six
-- State Department geographic bureaus (as builtin regions).
--
-- Sources:
--   * ISO 3166-1 (all 249 alpha-2 codes) and ISO 3166-3 (former states) from the
--     Debian iso-codes package 4.15, /usr/share/iso-codes/json/iso_3166-1.json and
--     iso_3166-3.json. Display names are the short English names people use
--     (ISO common_name where present, else ISO name, with a few overrides such as
--     Russia, South Korea, Vatican City, Palestinian Territories, Brunei, Macau).
--   * XK Kosovo (user-assigned code, as used by the EU and the US government).
--   * The former states and the country ids/names that occur in the Office of the
--     Historian data (hsg-travels president-travels and secretary-travels, hsg-visits).
--   * Bureau membership as the State Department assigns countries and areas to
--     its six geographic bureaus.
--
-- Rules:
--   * countries.code is ISO 3166-1 alpha-2, or a 4-letter code for a former state:
--     ISO 3166-3 where it has one, else a user-assigned code starting with X
--     (each explained above its insert). historic=1 rows name a successor, the
--     current country they are drawn as on a map. Successors are inserted first.
--   * A former name of what is essentially the same state (Persia, Siam, Ceylon,
--     Burma, Swaziland, Malaya, Tanganyika, West Germany ...) is only an alias of
--     the current code. A state with an ISO 3166-3 code gets its own historic row.
--   * country_aliases.alias is a normalised look-up key: Unicode lower case, the
--     apostrophes U+2019, U+2018 and the backtick replaced by a plain apostrophe,
--     leading/trailing whitespace removed, inner whitespace runs collapsed to one
--     space. Accents are kept, and an unaccented twin is stored as well
--     (both "türkiye" and "turkiye"). Each key maps to exactly one code.
--     Every HSG <country id>, <from id> and element text is a key here.
--   * region_members: each country in the bureau the State Department assigns it
--     to. Dependent territories go with the bureau of the region they lie in (State
--     lists e.g. Aruba, Martinique and the Netherlands Antilles under WHA), except
--     Greenland (EUR, handled with Denmark through Embassy Copenhagen) and US
--     territories, which are domestic and have no bureau, like the United States.
--     Territories without a permanent population have no bureau either.
--     Historic states are placed by geography.

-- ---------------------------------------------------------------- countries

-- Current ISO 3166-1 countries and territories.
INSERT INTO countries (code, name) VALUES
  ('AD', 'Andorra'),
  ('AE', 'United Arab Emirates'),
  ('AF', 'Afghanistan'),
  ('AG', 'Antigua and Barbuda'),
  ('AI', 'Anguilla'),
  ('AL', 'Albania'),
  ('AM', 'Armenia'),
  ('AO', 'Angola'),
  ('AQ', 'Antarctica'),
  ('AR', 'Argentina'),
  ('AS', 'American Samoa'),
  ('AT', 'Austria'),
  ('AU', 'Australia'),
  ('AW', 'Aruba'),
  ('AX', 'Åland Islands'),
  ('AZ', 'Azerbaijan'),
  ('BA', 'Bosnia and Herzegovina'),
  ('BB', 'Barbados'),
  ('BD', 'Bangladesh'),
  ('BE', 'Belgium'),
  ('BF', 'Burkina Faso'),
  ('BG', 'Bulgaria'),
  ('BH', 'Bahrain'),
  ('BI', 'Burundi'),
  ('BJ', 'Benin'),
  ('BL', 'Saint Barthélemy'),
  ('BM', 'Bermuda'),
  ('BN', 'Brunei'),
  ('BO', 'Bolivia'),
  ('BQ', 'Caribbean Netherlands'),
  ('BR', 'Brazil'),
  ('BS', 'Bahamas'),
  ('BT', 'Bhutan'),
  ('BV', 'Bouvet Island'),
  ('BW', 'Botswana'),
  ('BY', 'Belarus'),
  ('BZ', 'Belize'),
  ('CA', 'Canada'),
  ('CC', 'Cocos (Keeling) Islands'),
  ('CD', 'Democratic Republic of the Congo'),
  ('CF', 'Central African Republic'),
  ('CG', 'Republic of the Congo'),
  ('CH', 'Switzerland'),
  ('CI', 'Côte d''Ivoire'),
  ('CK', 'Cook Islands'),
  ('CL', 'Chile'),
  ('CM', 'Cameroon'),
  ('CN', 'China'),
  ('CO', 'Colombia'),
  ('CR', 'Costa Rica'),
  ('CU', 'Cuba'),
  ('CV', 'Cabo Verde'),
  ('CW', 'Curaçao'),
  ('CX', 'Christmas Island'),
  ('CY', 'Cyprus'),
  ('CZ', 'Czechia'),
  ('DE', 'Germany'),
  ('DJ', 'Djibouti'),
  ('DK', 'Denmark'),
  ('DM', 'Dominica'),
  ('DO', 'Dominican Republic'),
  ('DZ', 'Algeria'),
  ('EC', 'Ecuador'),
  ('EE', 'Estonia'),
  ('EG', 'Egypt'),
  ('EH', 'Western Sahara'),
  ('ER', 'Eritrea'),
  ('ES', 'Spain'),
  ('ET', 'Ethiopia'),
  ('FI', 'Finland'),
  ('FJ', 'Fiji'),
  ('FK', 'Falkland Islands'),
  ('FM', 'Micronesia'),
  ('FO', 'Faroe Islands'),
  ('FR', 'France'),
  ('GA', 'Gabon'),
  ('GB', 'United Kingdom'),
  ('GD', 'Grenada'),
  ('GE', 'Georgia'),
  ('GF', 'French Guiana'),
  ('GG', 'Guernsey'),
  ('GH', 'Ghana'),
  ('GI', 'Gibraltar'),
  ('GL', 'Greenland'),
  ('GM', 'Gambia'),
  ('GN', 'Guinea'),
  ('GP', 'Guadeloupe'),
  ('GQ', 'Equatorial Guinea'),
  ('GR', 'Greece'),
  ('GS', 'South Georgia and the South Sandwich Islands'),
  ('GT', 'Guatemala'),
  ('GU', 'Guam'),
  ('GW', 'Guinea-Bissau'),
  ('GY', 'Guyana'),
  ('HK', 'Hong Kong'),
  ('HM', 'Heard Island and McDonald Islands'),
  ('HN', 'Honduras'),
  ('HR', 'Croatia'),
  ('HT', 'Haiti'),
  ('HU', 'Hungary'),
  ('ID', 'Indonesia'),
  ('IE', 'Ireland'),
  ('IL', 'Israel'),
  ('IM', 'Isle of Man'),
  ('IN', 'India'),
  ('IO', 'British Indian Ocean Territory'),
  ('IQ', 'Iraq'),
  ('IR', 'Iran'),
  ('IS', 'Iceland'),
  ('IT', 'Italy'),
  ('JE', 'Jersey'),
  ('JM', 'Jamaica'),
  ('JO', 'Jordan'),
  ('JP', 'Japan'),
  ('KE', 'Kenya'),
  ('KG', 'Kyrgyzstan'),
  ('KH', 'Cambodia'),
  ('KI', 'Kiribati'),
  ('KM', 'Comoros'),
  ('KN', 'Saint Kitts and Nevis'),
  ('KP', 'North Korea'),
  ('KR', 'South Korea'),
  ('KW', 'Kuwait'),
  ('KY', 'Cayman Islands'),
  ('KZ', 'Kazakhstan'),
  ('LA', 'Laos'),
  ('LB', 'Lebanon'),
  ('LC', 'Saint Lucia'),
  ('LI', 'Liechtenstein'),
  ('LK', 'Sri Lanka'),
  ('LR', 'Liberia'),
  ('LS', 'Lesotho'),
  ('LT', 'Lithuania'),
  ('LU', 'Luxembourg'),
  ('LV', 'Latvia'),
  ('LY', 'Libya'),
  ('MA', 'Morocco'),
  ('MC', 'Monaco'),
  ('MD', 'Moldova'),
  ('ME', 'Montenegro'),
  ('MF', 'Saint Martin'),
  ('MG', 'Madagascar'),
  ('MH', 'Marshall Islands'),
  ('MK', 'North Macedonia'),
  ('ML', 'Mali'),
  ('MM', 'Myanmar'),
  ('MN', 'Mongolia'),
  ('MO', 'Macau'),
  ('MP', 'Northern Mariana Islands'),
  ('MQ', 'Martinique'),
  ('MR', 'Mauritania'),
  ('MS', 'Montserrat'),
  ('MT', 'Malta'),
  ('MU', 'Mauritius'),
  ('MV', 'Maldives'),
  ('MW', 'Malawi'),
  ('MX', 'Mexico'),
  ('MY', 'Malaysia'),
  ('MZ', 'Mozambique'),
  ('NA', 'Namibia'),
  ('NC', 'New Caledonia'),
  ('NE', 'Niger'),
  ('NF', 'Norfolk Island'),
  ('NG', 'Nigeria'),
  ('NI', 'Nicaragua'),
  ('NL', 'Netherlands'),
  ('NO', 'Norway'),
  ('NP', 'Nepal'),
  ('NR', 'Nauru'),
  ('NU', 'Niue'),
  ('NZ', 'New Zealand'),
  ('OM', 'Oman'),
  ('PA', 'Panama'),
  ('PE', 'Peru'),
  ('PF', 'French Polynesia'),
  ('PG', 'Papua New Guinea'),
  ('PH', 'Philippines'),
  ('PK', 'Pakistan'),
  ('PL', 'Poland'),
  ('PM', 'Saint Pierre and Miquelon'),
  ('PN', 'Pitcairn Islands'),
  ('PR', 'Puerto Rico'),
  ('PS', 'Palestinian Territories'),
  ('PT', 'Portugal'),
  ('PW', 'Palau'),
  ('PY', 'Paraguay'),
  ('QA', 'Qatar'),
  ('RE', 'Réunion'),
  ('RO', 'Romania'),
  ('RS', 'Serbia'),
  ('RU', 'Russia'),
  ('RW', 'Rwanda'),
  ('SA', 'Saudi Arabia'),
  ('SB', 'Solomon Islands'),
  ('SC', 'Seychelles'),
  ('SD', 'Sudan'),
  ('SE', 'Sweden'),
  ('SG', 'Singapore'),
  ('SH', 'Saint Helena, Ascension and Tristan da Cunha'),
  ('SI', 'Slovenia'),
  ('SJ', 'Svalbard and Jan Mayen'),
  ('SK', 'Slovakia'),
  ('SL', 'Sierra Leone'),
  ('SM', 'San Marino'),
  ('SN', 'Senegal'),
  ('SO', 'Somalia'),
  ('SR', 'Suriname'),
  ('SS', 'South Sudan'),
  ('ST', 'São Tomé and Príncipe'),
  ('SV', 'El Salvador'),
  ('SX', 'Sint Maarten'),
  ('SY', 'Syria'),
  ('SZ', 'Eswatini'),
  ('TC', 'Turks and Caicos Islands'),
  ('TD', 'Chad'),
  ('TF', 'French Southern Territories'),
  ('TG', 'Togo'),
  ('TH', 'Thailand'),
  ('TJ', 'Tajikistan'),
  ('TK', 'Tokelau'),
  ('TL', 'Timor-Leste'),
  ('TM', 'Turkmenistan'),
  ('TN', 'Tunisia'),
  ('TO', 'Tonga'),
  ('TR', 'Türkiye'),
  ('TT', 'Trinidad and Tobago'),
  ('TV', 'Tuvalu'),
  ('TW', 'Taiwan'),
  ('TZ', 'Tanzania'),
  ('UA', 'Ukraine'),
  ('UG', 'Uganda'),
  ('UM', 'U.S. Minor Outlying Islands'),
  ('US', 'United States'),
  ('UY', 'Uruguay'),
  ('UZ', 'Uzbekistan'),
  ('VA', 'Vatican City'),
  ('VC', 'Saint Vincent and the Grenadines'),
  ('VE', 'Venezuela'),
  ('VG', 'British Virgin Islands'),
  ('VI', 'U.S. Virgin Islands'),
  ('VN', 'Vietnam'),
  ('VU', 'Vanuatu'),
  ('WF', 'Wallis and Futuna'),
  ('WS', 'Samoa'),
  ('YE', 'Yemen'),
  ('YT', 'Mayotte'),
  ('ZA', 'South Africa'),
  ('ZM', 'Zambia'),
  ('ZW', 'Zimbabwe');

-- Kosovo: not in ISO 3166-1. XK is the user-assigned code in general use.
INSERT INTO countries (code, name) VALUES ('XK', 'Kosovo');

-- Former states (historic=1). Successors above are already present.

-- ISO 3166-3 SUHH. HSG: <country id="russia">U.S.S.R.</country> 1943-1992.
INSERT INTO countries (code, name, historic, successor) VALUES ('SUHH', 'Soviet Union', 1, 'RU');

-- ISO 3166-3 YUCS covers both the SFRY and the FRY (code YU until 2003).
-- HSG: id "yugoslavia" 1942-2001. Drawn as Serbia, the continuing state.
INSERT INTO countries (code, name, historic, successor) VALUES ('YUCS', 'Yugoslavia', 1, 'RS');

-- ISO 3166-3 CSHH. HSG: id "czechoslovakia" 1943-1992, incl. the government-in-exile.
INSERT INTO countries (code, name, historic, successor) VALUES ('CSHH', 'Czechoslovakia', 1, 'CZ');

-- ISO 3166-3 DDDE. HSG: id "german-democratic-republic" 1989-1990.
INSERT INTO countries (code, name, historic, successor) VALUES ('DDDE', 'East Germany', 1, 'DE');

-- ISO 3166-3 CSXX (2003-2006). HSG: <country id="serbia">Serbia and Montenegro</country> 2003.
INSERT INTO countries (code, name, historic, successor) VALUES ('CSXX', 'Serbia and Montenegro', 1, 'RS');

-- ISO 3166-3 ANHH, dissolved 2010 into CW, SX and BQ. HSG: id "netherlands-antilles" 1970-1989.
-- Drawn as Curacao, seat of the former government (Willemstad).
INSERT INTO countries (code, name, historic, successor) VALUES ('ANHH', 'Netherlands Antilles', 1, 'CW');

-- ISO 3166-3 ZRCD (1971-1997). HSG only writes "Democratic Republic of the Congo (Zaire)",
-- for records up to 2022, so that name is an alias of CD. This row serves input such as "Zaire".
INSERT INTO countries (code, name, historic, successor) VALUES ('ZRCD', 'Zaire', 1, 'CD');

-- ISO 3166-3 DYBJ (renamed Benin 1975). HSG: <from id="benin">Dahomey (Benin)</from> 1969-1971.
INSERT INTO countries (code, name, historic, successor) VALUES ('DYBJ', 'Dahomey', 1, 'BJ');

-- ISO 3166-3 HVBF (renamed Burkina Faso 1984). HSG: "Upper Volta", "Upper Volta (Burkina Faso)" 1965-1973.
INSERT INTO countries (code, name, historic, successor) VALUES ('HVBF', 'Upper Volta', 1, 'BF');

-- ISO 3166-3 RHZW "Southern Rhodesia" (withdrawn 1980). HSG: "Southern Rhodesia (Zimbabwe)" 1978,
-- "Zimbabwe Rhodesia" 1979 (the short-lived 1979 state is filed here too).
INSERT INTO countries (code, name, historic, successor) VALUES ('RHZW', 'Rhodesia', 1, 'ZW');

-- No ISO 3166-3 code: Hawaii was never in ISO 3166. User-assigned X code.
-- Independent kingdom (Republic of Hawaii 1894-1898) until US annexation in 1898.
-- HSG: <from id="hawaii">Hawaii</from> 1874, 1881, 1898. Drawn as the United States.
-- Region EAP by geography (a Pacific state), although its successor US has no bureau.
INSERT INTO countries (code, name, historic, successor) VALUES ('XHAW', 'Kingdom of Hawaii', 1, 'US');

-- No ISO 3166-3 code (ISO VD/VDVN was North Vietnam, which continued as VN). User-assigned X code.
-- State of Vietnam / Republic of Vietnam 1949-1975, absorbed by the North in 1975-76, not renamed.
-- HSG files all Saigon-era records under id/name "vietnam", which stays VN (an alias key
-- cannot depend on the date), so this row serves input such as "South Vietnam".
INSERT INTO countries (code, name, historic, successor) VALUES ('XSVN', 'South Vietnam', 1, 'VN');

-- ---------------------------------------------------------------- country_aliases
--
-- Keys deliberately not stored because they are ambiguous:
--   "cs": CS was Czechoslovakia until 1993 and Serbia and Montenegro 2003-2006.
--   "virgin islands": British (VG) or US (VI).
--
-- Keys that could belong to more than one code, and the decision taken:
--   "china, republic of" -> TW, not CN: HSG uses it for Taipei (id taiwan, 1961-1970) and once for the 1945 Nationalist government (id china). The Republic of China continues as TW. Same for "republic of china".
--   "korea" -> KR, not KP: HSG uses "Korea" only for the Republic of Korea (id korea-south 1953-2023, id korea 2017).
--   "congo" -> CG, not CD: ISO 3166-1 short name of CG is "Congo". The DRC is always qualified.
--   "macedonia" -> MK, not GR: HSG uses it for the republic (2004-2012), not the Greek region.
--   "hawaii" -> XHAW, not US: only pre-1898 records use it. After annexation Hawaii is domestic, never a country here.
--   "russia" -> RU, not SUHH: the HSG id "russia" is also used on Soviet-era records. It stays RU, the present state, which SUHH is drawn as anyway. The name "U.S.S.R." is SUHH.
--   "yugoslavia" -> YUCS, not RS: the historic state, never an alias of Serbia. The HSG id serbia is RS.
--   "serbia and montenegro" -> CSXX, not RS: the 2003 record under HSG id serbia. The id serbia itself stays RS.
--   "denmark (greenland)" -> GL, not DK: HSG trips under id denmark to Nuuk, Ilulissat, Kangerlussuaq, Igaliku. The id denmark stays DK.
--   "vietnam" -> VN, not XSVN: the HSG id and name "vietnam" also cover Saigon-era records (1951-1973). A key cannot depend on the date.
--   "democratic republic of the congo (zaire)" -> CD, not ZRCD: HSG uses this name for DRC records from 1960 to 2022.
--   "burma" -> MM, not BUMM: the State Department still calls MM Burma and HSG uses it through 2017. No BUMM row is created.
--   "byelorussia" -> BY, not BYAA: the only HSG record (Minsk, 1991-12-18) is after independence. No BYAA row is created.
--   "east timor" -> TL, not TPTL: the only HSG record (2002-10-02) is after independence. No TPTL row is created.
--   "yemen arab republic" -> YE, not none: North Yemen merged into the Republic of Yemen in 1990, which kept the ISO codes YE/YEM. No separate row.
--   "tanganyika" -> TZ, not none: Tanzania continues the state of Tanganyika (union with Zanzibar, 1964). No separate row.

-- AD Andorra
INSERT INTO country_aliases (alias, code) VALUES ('ad', 'AD'), ('andorra', 'AD'), ('principality of andorra', 'AD'), ('and', 'AD');
-- AE United Arab Emirates
INSERT INTO country_aliases (alias, code) VALUES ('ae', 'AE'), ('united arab emirates', 'AE'), ('are', 'AE'), ('uae', 'AE'), ('u.a.e.', 'AE'), ('emirates', 'AE'), ('united-arab-emirates', 'AE');
-- AF Afghanistan
INSERT INTO country_aliases (alias, code) VALUES ('af', 'AF'), ('afghanistan', 'AF'), ('islamic republic of afghanistan', 'AF'), ('afg', 'AF'), ('afghanistan (interim authority)', 'AF');
-- AG Antigua and Barbuda
INSERT INTO country_aliases (alias, code) VALUES ('ag', 'AG'), ('antigua and barbuda', 'AG'), ('antigua & barbuda', 'AG'), ('atg', 'AG'), ('antigua', 'AG'), ('antigua-barbuda', 'AG');
-- AI Anguilla
INSERT INTO country_aliases (alias, code) VALUES ('ai', 'AI'), ('anguilla', 'AI'), ('aia', 'AI');
-- AL Albania
INSERT INTO country_aliases (alias, code) VALUES ('al', 'AL'), ('albania', 'AL'), ('republic of albania', 'AL'), ('alb', 'AL');
-- AM Armenia
INSERT INTO country_aliases (alias, code) VALUES ('am', 'AM'), ('armenia', 'AM'), ('republic of armenia', 'AM'), ('arm', 'AM');
-- AO Angola
INSERT INTO country_aliases (alias, code) VALUES ('ao', 'AO'), ('angola', 'AO'), ('republic of angola', 'AO'), ('ago', 'AO');
-- AQ Antarctica
INSERT INTO country_aliases (alias, code) VALUES ('aq', 'AQ'), ('antarctica', 'AQ'), ('ata', 'AQ');
-- AR Argentina
INSERT INTO country_aliases (alias, code) VALUES ('ar', 'AR'), ('argentina', 'AR'), ('argentine republic', 'AR'), ('arg', 'AR');
-- AS American Samoa
INSERT INTO country_aliases (alias, code) VALUES ('as', 'AS'), ('american samoa', 'AS'), ('asm', 'AS');
-- AT Austria
INSERT INTO country_aliases (alias, code) VALUES ('at', 'AT'), ('austria', 'AT'), ('republic of austria', 'AT'), ('aut', 'AT');
-- AU Australia
INSERT INTO country_aliases (alias, code) VALUES ('au', 'AU'), ('australia', 'AU'), ('aus', 'AU');
-- AW Aruba
INSERT INTO country_aliases (alias, code) VALUES ('aw', 'AW'), ('aruba', 'AW'), ('abw', 'AW');
-- AX Aland Islands
INSERT INTO country_aliases (alias, code) VALUES ('ax', 'AX'), ('åland islands', 'AX'), ('aland islands', 'AX'), ('ala', 'AX');
-- AZ Azerbaijan
INSERT INTO country_aliases (alias, code) VALUES ('az', 'AZ'), ('azerbaijan', 'AZ'), ('republic of azerbaijan', 'AZ'), ('aze', 'AZ');
-- BA Bosnia and Herzegovina
INSERT INTO country_aliases (alias, code) VALUES ('ba', 'BA'), ('bosnia and herzegovina', 'BA'), ('bosnia & herzegovina', 'BA'), ('republic of bosnia and herzegovina', 'BA'), ('republic of bosnia & herzegovina', 'BA'), ('bih', 'BA'), ('bosnia', 'BA'), ('bosnia-herzegovina', 'BA'), ('bosnian federation', 'BA'), ('bosnia herzegovina', 'BA');
-- BB Barbados
INSERT INTO country_aliases (alias, code) VALUES ('bb', 'BB'), ('barbados', 'BB'), ('brb', 'BB');
-- BD Bangladesh
INSERT INTO country_aliases (alias, code) VALUES ('bd', 'BD'), ('bangladesh', 'BD'), ('people''s republic of bangladesh', 'BD'), ('bgd', 'BD');
-- BE Belgium
INSERT INTO country_aliases (alias, code) VALUES ('be', 'BE'), ('belgium', 'BE'), ('kingdom of belgium', 'BE'), ('bel', 'BE');
-- BF Burkina Faso
INSERT INTO country_aliases (alias, code) VALUES ('bf', 'BF'), ('burkina faso', 'BF'), ('bfa', 'BF'), ('burkina-faso', 'BF');
-- BG Bulgaria
INSERT INTO country_aliases (alias, code) VALUES ('bg', 'BG'), ('bulgaria', 'BG'), ('republic of bulgaria', 'BG'), ('bgr', 'BG');
-- BH Bahrain
INSERT INTO country_aliases (alias, code) VALUES ('bh', 'BH'), ('bahrain', 'BH'), ('kingdom of bahrain', 'BH'), ('bhr', 'BH');
-- BI Burundi
INSERT INTO country_aliases (alias, code) VALUES ('bi', 'BI'), ('burundi', 'BI'), ('republic of burundi', 'BI'), ('bdi', 'BI');
-- BJ Benin
INSERT INTO country_aliases (alias, code) VALUES ('bj', 'BJ'), ('benin', 'BJ'), ('republic of benin', 'BJ'), ('ben', 'BJ');
-- BL Saint Barthelemy
INSERT INTO country_aliases (alias, code) VALUES ('bl', 'BL'), ('saint barthélemy', 'BL'), ('saint barthelemy', 'BL'), ('st. barthélemy', 'BL'), ('st barthélemy', 'BL'), ('st. barthelemy', 'BL'), ('st barthelemy', 'BL'), ('blm', 'BL');
-- BM Bermuda
INSERT INTO country_aliases (alias, code) VALUES ('bm', 'BM'), ('bermuda', 'BM'), ('bmu', 'BM');
-- BN Brunei
INSERT INTO country_aliases (alias, code) VALUES ('bn', 'BN'), ('brunei', 'BN'), ('brunei darussalam', 'BN'), ('brn', 'BN');
-- BO Bolivia
INSERT INTO country_aliases (alias, code) VALUES ('bo', 'BO'), ('bolivia', 'BO'), ('bolivia, plurinational state of', 'BO'), ('plurinational state of bolivia', 'BO'), ('bol', 'BO');
-- BQ Caribbean Netherlands
INSERT INTO country_aliases (alias, code) VALUES ('bq', 'BQ'), ('caribbean netherlands', 'BQ'), ('bonaire, sint eustatius and saba', 'BQ'), ('bonaire, sint eustatius & saba', 'BQ'), ('bes', 'BQ'), ('bonaire', 'BQ'), ('bes islands', 'BQ');
-- BR Brazil
INSERT INTO country_aliases (alias, code) VALUES ('br', 'BR'), ('brazil', 'BR'), ('federative republic of brazil', 'BR'), ('bra', 'BR');
-- BS Bahamas
INSERT INTO country_aliases (alias, code) VALUES ('bs', 'BS'), ('bahamas', 'BS'), ('commonwealth of the bahamas', 'BS'), ('bhs', 'BS'), ('the bahamas', 'BS'), ('bahamas, the', 'BS');
-- BT Bhutan
INSERT INTO country_aliases (alias, code) VALUES ('bt', 'BT'), ('bhutan', 'BT'), ('kingdom of bhutan', 'BT'), ('btn', 'BT');
-- BV Bouvet Island
INSERT INTO country_aliases (alias, code) VALUES ('bv', 'BV'), ('bouvet island', 'BV'), ('bvt', 'BV');
-- BW Botswana
INSERT INTO country_aliases (alias, code) VALUES ('bw', 'BW'), ('botswana', 'BW'), ('republic of botswana', 'BW'), ('bwa', 'BW');
-- BY Belarus
INSERT INTO country_aliases (alias, code) VALUES ('by', 'BY'), ('belarus', 'BY'), ('republic of belarus', 'BY'), ('blr', 'BY'), ('byelorussia', 'BY'), ('belorussia', 'BY'), ('white russia', 'BY');
-- BZ Belize
INSERT INTO country_aliases (alias, code) VALUES ('bz', 'BZ'), ('belize', 'BZ'), ('blz', 'BZ');
-- CA Canada
INSERT INTO country_aliases (alias, code) VALUES ('ca', 'CA'), ('canada', 'CA'), ('can', 'CA');
-- CC Cocos (Keeling) Islands
INSERT INTO country_aliases (alias, code) VALUES ('cc', 'CC'), ('cocos (keeling) islands', 'CC'), ('cck', 'CC');
-- CD Democratic Republic of the Congo
INSERT INTO country_aliases (alias, code) VALUES ('cd', 'CD'), ('democratic republic of the congo', 'CD'), ('congo, the democratic republic of the', 'CD'), ('cod', 'CD'), ('drc', 'CD'), ('dr congo', 'CD'), ('d.r. congo', 'CD'), ('dr of the congo', 'CD'), ('democratic republic of congo', 'CD'), ('congo, democratic republic of', 'CD'), ('congo, democratic republic of the', 'CD'), ('congo-kinshasa', 'CD'), ('congo (kinshasa)', 'CD'), ('congo-democratic-republic', 'CD'), ('democratic republic of the congo (zaire)', 'CD');
-- CF Central African Republic
INSERT INTO country_aliases (alias, code) VALUES ('cf', 'CF'), ('central african republic', 'CF'), ('caf', 'CF'), ('central-african-republic', 'CF');
-- CG Republic of the Congo
INSERT INTO country_aliases (alias, code) VALUES ('cg', 'CG'), ('republic of the congo', 'CG'), ('congo', 'CG'), ('cog', 'CG'), ('republic of congo', 'CG'), ('congo, republic of', 'CG'), ('congo, republic of the', 'CG'), ('congo-brazzaville', 'CG'), ('congo (brazzaville)', 'CG'), ('congo-republic', 'CG');
-- CH Switzerland
INSERT INTO country_aliases (alias, code) VALUES ('ch', 'CH'), ('switzerland', 'CH'), ('swiss confederation', 'CH'), ('che', 'CH');
-- CI Cote dIvoire
INSERT INTO country_aliases (alias, code) VALUES ('ci', 'CI'), ('côte d''ivoire', 'CI'), ('cote d''ivoire', 'CI'), ('republic of côte d''ivoire', 'CI'), ('republic of cote d''ivoire', 'CI'), ('civ', 'CI'), ('ivory coast', 'CI'), ('cote-divoire', 'CI');
-- CK Cook Islands
INSERT INTO country_aliases (alias, code) VALUES ('ck', 'CK'), ('cook islands', 'CK'), ('cok', 'CK'), ('cook-islands', 'CK');
-- CL Chile
INSERT INTO country_aliases (alias, code) VALUES ('cl', 'CL'), ('chile', 'CL'), ('republic of chile', 'CL'), ('chl', 'CL');
-- CM Cameroon
INSERT INTO country_aliases (alias, code) VALUES ('cm', 'CM'), ('cameroon', 'CM'), ('republic of cameroon', 'CM'), ('cmr', 'CM');
-- CN China
INSERT INTO country_aliases (alias, code) VALUES ('cn', 'CN'), ('china', 'CN'), ('people''s republic of china', 'CN'), ('chn', 'CN'), ('prc', 'CN'), ('china, people''s republic of', 'CN'), ('mainland china', 'CN'), ('china (prc)', 'CN');
-- CO Colombia
INSERT INTO country_aliases (alias, code) VALUES ('co', 'CO'), ('colombia', 'CO'), ('republic of colombia', 'CO'), ('col', 'CO');
-- CR Costa Rica
INSERT INTO country_aliases (alias, code) VALUES ('cr', 'CR'), ('costa rica', 'CR'), ('republic of costa rica', 'CR'), ('cri', 'CR'), ('costa-rica', 'CR');
-- CU Cuba
INSERT INTO country_aliases (alias, code) VALUES ('cu', 'CU'), ('cuba', 'CU'), ('republic of cuba', 'CU'), ('cub', 'CU'), ('cuba (provisional government)', 'CU');
-- CV Cabo Verde
INSERT INTO country_aliases (alias, code) VALUES ('cv', 'CV'), ('cabo verde', 'CV'), ('republic of cabo verde', 'CV'), ('cpv', 'CV'), ('cape verde', 'CV'), ('cape-verde', 'CV');
-- CW Curacao
INSERT INTO country_aliases (alias, code) VALUES ('cw', 'CW'), ('curaçao', 'CW'), ('curacao', 'CW'), ('cuw', 'CW');
-- CX Christmas Island
INSERT INTO country_aliases (alias, code) VALUES ('cx', 'CX'), ('christmas island', 'CX'), ('cxr', 'CX');
-- CY Cyprus
INSERT INTO country_aliases (alias, code) VALUES ('cy', 'CY'), ('cyprus', 'CY'), ('republic of cyprus', 'CY'), ('cyp', 'CY');
-- CZ Czechia
INSERT INTO country_aliases (alias, code) VALUES ('cz', 'CZ'), ('czechia', 'CZ'), ('czech republic', 'CZ'), ('cze', 'CZ'), ('czech-republic', 'CZ'), ('czech', 'CZ');
-- DE Germany
INSERT INTO country_aliases (alias, code) VALUES ('de', 'DE'), ('germany', 'DE'), ('federal republic of germany', 'DE'), ('deu', 'DE'), ('west germany', 'DE'), ('germany, federal republic of', 'DE'), ('frg', 'DE'), ('brd', 'DE'), ('germany (west)', 'DE');
-- DJ Djibouti
INSERT INTO country_aliases (alias, code) VALUES ('dj', 'DJ'), ('djibouti', 'DJ'), ('republic of djibouti', 'DJ'), ('dji', 'DJ');
-- DK Denmark
INSERT INTO country_aliases (alias, code) VALUES ('dk', 'DK'), ('denmark', 'DK'), ('kingdom of denmark', 'DK'), ('dnk', 'DK');
-- DM Dominica
INSERT INTO country_aliases (alias, code) VALUES ('dm', 'DM'), ('dominica', 'DM'), ('commonwealth of dominica', 'DM'), ('dma', 'DM');
-- DO Dominican Republic
INSERT INTO country_aliases (alias, code) VALUES ('do', 'DO'), ('dominican republic', 'DO'), ('dom', 'DO'), ('dominican-republic', 'DO');
-- DZ Algeria
INSERT INTO country_aliases (alias, code) VALUES ('dz', 'DZ'), ('algeria', 'DZ'), ('people''s democratic republic of algeria', 'DZ'), ('dza', 'DZ');
-- EC Ecuador
INSERT INTO country_aliases (alias, code) VALUES ('ec', 'EC'), ('ecuador', 'EC'), ('republic of ecuador', 'EC'), ('ecu', 'EC');
-- EE Estonia
INSERT INTO country_aliases (alias, code) VALUES ('ee', 'EE'), ('estonia', 'EE'), ('republic of estonia', 'EE'), ('est', 'EE');
-- EG Egypt
INSERT INTO country_aliases (alias, code) VALUES ('eg', 'EG'), ('egypt', 'EG'), ('arab republic of egypt', 'EG'), ('egy', 'EG');
-- EH Western Sahara
INSERT INTO country_aliases (alias, code) VALUES ('eh', 'EH'), ('western sahara', 'EH'), ('esh', 'EH');
-- ER Eritrea
INSERT INTO country_aliases (alias, code) VALUES ('er', 'ER'), ('eritrea', 'ER'), ('the state of eritrea', 'ER'), ('state of eritrea', 'ER'), ('eri', 'ER');
-- ES Spain
INSERT INTO country_aliases (alias, code) VALUES ('es', 'ES'), ('spain', 'ES'), ('kingdom of spain', 'ES'), ('esp', 'ES');
-- ET Ethiopia
INSERT INTO country_aliases (alias, code) VALUES ('et', 'ET'), ('ethiopia', 'ET'), ('federal democratic republic of ethiopia', 'ET'), ('eth', 'ET');
-- FI Finland
INSERT INTO country_aliases (alias, code) VALUES ('fi', 'FI'), ('finland', 'FI'), ('republic of finland', 'FI'), ('fin', 'FI');
-- FJ Fiji
INSERT INTO country_aliases (alias, code) VALUES ('fj', 'FJ'), ('fiji', 'FJ'), ('republic of fiji', 'FJ'), ('fji', 'FJ');
-- FK Falkland Islands
INSERT INTO country_aliases (alias, code) VALUES ('fk', 'FK'), ('falkland islands', 'FK'), ('falkland islands (malvinas)', 'FK'), ('flk', 'FK'), ('malvinas', 'FK'), ('falklands', 'FK');
-- FM Micronesia
INSERT INTO country_aliases (alias, code) VALUES ('fm', 'FM'), ('micronesia', 'FM'), ('micronesia, federated states of', 'FM'), ('federated states of micronesia', 'FM'), ('fsm', 'FM');
-- FO Faroe Islands
INSERT INTO country_aliases (alias, code) VALUES ('fo', 'FO'), ('faroe islands', 'FO'), ('fro', 'FO');
-- FR France
INSERT INTO country_aliases (alias, code) VALUES ('fr', 'FR'), ('france', 'FR'), ('french republic', 'FR'), ('fra', 'FR'), ('france (provisional government)', 'FR');
-- GA Gabon
INSERT INTO country_aliases (alias, code) VALUES ('ga', 'GA'), ('gabon', 'GA'), ('gabonese republic', 'GA'), ('gab', 'GA');
-- GB United Kingdom
INSERT INTO country_aliases (alias, code) VALUES ('gb', 'GB'), ('united kingdom', 'GB'), ('united kingdom of great britain and northern ireland', 'GB'), ('united kingdom of great britain & northern ireland', 'GB'), ('gbr', 'GB'), ('uk', 'GB'), ('u.k.', 'GB'), ('great britain', 'GB'), ('britain', 'GB'), ('united-kingdom', 'GB'), ('united kingdom (northern ireland)', 'GB'), ('united kingdom (wales)', 'GB');
-- GD Grenada
INSERT INTO country_aliases (alias, code) VALUES ('gd', 'GD'), ('grenada', 'GD'), ('grd', 'GD');
-- GE Georgia
INSERT INTO country_aliases (alias, code) VALUES ('ge', 'GE'), ('georgia', 'GE'), ('geo', 'GE');
-- GF French Guiana
INSERT INTO country_aliases (alias, code) VALUES ('gf', 'GF'), ('french guiana', 'GF'), ('guf', 'GF');
-- GG Guernsey
INSERT INTO country_aliases (alias, code) VALUES ('gg', 'GG'), ('guernsey', 'GG'), ('ggy', 'GG');
-- GH Ghana
INSERT INTO country_aliases (alias, code) VALUES ('gh', 'GH'), ('ghana', 'GH'), ('republic of ghana', 'GH'), ('gha', 'GH');
-- GI Gibraltar
INSERT INTO country_aliases (alias, code) VALUES ('gi', 'GI'), ('gibraltar', 'GI'), ('gib', 'GI');
-- GL Greenland
INSERT INTO country_aliases (alias, code) VALUES ('gl', 'GL'), ('greenland', 'GL'), ('grl', 'GL'), ('denmark (greenland)', 'GL');
-- GM Gambia
INSERT INTO country_aliases (alias, code) VALUES ('gm', 'GM'), ('gambia', 'GM'), ('republic of the gambia', 'GM'), ('gmb', 'GM'), ('the gambia', 'GM'), ('gambia, the', 'GM');
-- GN Guinea
INSERT INTO country_aliases (alias, code) VALUES ('gn', 'GN'), ('guinea', 'GN'), ('republic of guinea', 'GN'), ('gin', 'GN');
-- GP Guadeloupe
INSERT INTO country_aliases (alias, code) VALUES ('gp', 'GP'), ('guadeloupe', 'GP'), ('glp', 'GP');
-- GQ Equatorial Guinea
INSERT INTO country_aliases (alias, code) VALUES ('gq', 'GQ'), ('equatorial guinea', 'GQ'), ('republic of equatorial guinea', 'GQ'), ('gnq', 'GQ'), ('equatorial-guinea', 'GQ');
-- GR Greece
INSERT INTO country_aliases (alias, code) VALUES ('gr', 'GR'), ('greece', 'GR'), ('hellenic republic', 'GR'), ('grc', 'GR');
-- GS South Georgia and the South Sandwich Islands
INSERT INTO country_aliases (alias, code) VALUES ('gs', 'GS'), ('south georgia and the south sandwich islands', 'GS'), ('south georgia & the south sandwich islands', 'GS'), ('sgs', 'GS');
-- GT Guatemala
INSERT INTO country_aliases (alias, code) VALUES ('gt', 'GT'), ('guatemala', 'GT'), ('republic of guatemala', 'GT'), ('gtm', 'GT');
-- GU Guam
INSERT INTO country_aliases (alias, code) VALUES ('gu', 'GU'), ('guam', 'GU'), ('gum', 'GU');
-- GW Guinea-Bissau
INSERT INTO country_aliases (alias, code) VALUES ('gw', 'GW'), ('guinea-bissau', 'GW'), ('republic of guinea-bissau', 'GW'), ('gnb', 'GW');
-- GY Guyana
INSERT INTO country_aliases (alias, code) VALUES ('gy', 'GY'), ('guyana', 'GY'), ('republic of guyana', 'GY'), ('guy', 'GY');
-- HK Hong Kong
INSERT INTO country_aliases (alias, code) VALUES ('hk', 'HK'), ('hong kong', 'HK'), ('hong kong special administrative region of china', 'HK'), ('hkg', 'HK');
-- HM Heard Island and McDonald Islands
INSERT INTO country_aliases (alias, code) VALUES ('hm', 'HM'), ('heard island and mcdonald islands', 'HM'), ('heard island & mcdonald islands', 'HM'), ('hmd', 'HM');
-- HN Honduras
INSERT INTO country_aliases (alias, code) VALUES ('hn', 'HN'), ('honduras', 'HN'), ('republic of honduras', 'HN'), ('hnd', 'HN');
-- HR Croatia
INSERT INTO country_aliases (alias, code) VALUES ('hr', 'HR'), ('croatia', 'HR'), ('republic of croatia', 'HR'), ('hrv', 'HR');
-- HT Haiti
INSERT INTO country_aliases (alias, code) VALUES ('ht', 'HT'), ('haiti', 'HT'), ('republic of haiti', 'HT'), ('hti', 'HT');
-- HU Hungary
INSERT INTO country_aliases (alias, code) VALUES ('hu', 'HU'), ('hungary', 'HU'), ('hun', 'HU');
-- ID Indonesia
INSERT INTO country_aliases (alias, code) VALUES ('id', 'ID'), ('indonesia', 'ID'), ('republic of indonesia', 'ID'), ('idn', 'ID');
-- IE Ireland
INSERT INTO country_aliases (alias, code) VALUES ('ie', 'IE'), ('ireland', 'IE'), ('irl', 'IE');
-- IL Israel
INSERT INTO country_aliases (alias, code) VALUES ('il', 'IL'), ('israel', 'IL'), ('state of israel', 'IL'), ('isr', 'IL'), ('israel (provisional government)', 'IL');
-- IM Isle of Man
INSERT INTO country_aliases (alias, code) VALUES ('im', 'IM'), ('isle of man', 'IM'), ('imn', 'IM');
-- IN India
INSERT INTO country_aliases (alias, code) VALUES ('in', 'IN'), ('india', 'IN'), ('republic of india', 'IN'), ('ind', 'IN');
-- IO British Indian Ocean Territory
INSERT INTO country_aliases (alias, code) VALUES ('io', 'IO'), ('british indian ocean territory', 'IO'), ('iot', 'IO');
-- IQ Iraq
INSERT INTO country_aliases (alias, code) VALUES ('iq', 'IQ'), ('iraq', 'IQ'), ('republic of iraq', 'IQ'), ('irq', 'IQ');
-- IR Iran
INSERT INTO country_aliases (alias, code) VALUES ('ir', 'IR'), ('iran', 'IR'), ('iran, islamic republic of', 'IR'), ('islamic republic of iran', 'IR'), ('irn', 'IR'), ('persia', 'IR');
-- IS Iceland
INSERT INTO country_aliases (alias, code) VALUES ('is', 'IS'), ('iceland', 'IS'), ('republic of iceland', 'IS'), ('isl', 'IS');
-- IT Italy
INSERT INTO country_aliases (alias, code) VALUES ('it', 'IT'), ('italy', 'IT'), ('italian republic', 'IT'), ('ita', 'IT');
-- JE Jersey
INSERT INTO country_aliases (alias, code) VALUES ('je', 'JE'), ('jersey', 'JE'), ('jey', 'JE');
-- JM Jamaica
INSERT INTO country_aliases (alias, code) VALUES ('jm', 'JM'), ('jamaica', 'JM'), ('jam', 'JM');
-- JO Jordan
INSERT INTO country_aliases (alias, code) VALUES ('jo', 'JO'), ('jordan', 'JO'), ('hashemite kingdom of jordan', 'JO'), ('jor', 'JO');
-- JP Japan
INSERT INTO country_aliases (alias, code) VALUES ('jp', 'JP'), ('japan', 'JP'), ('jpn', 'JP');
-- KE Kenya
INSERT INTO country_aliases (alias, code) VALUES ('ke', 'KE'), ('kenya', 'KE'), ('republic of kenya', 'KE'), ('ken', 'KE');
-- KG Kyrgyzstan
INSERT INTO country_aliases (alias, code) VALUES ('kg', 'KG'), ('kyrgyzstan', 'KG'), ('kyrgyz republic', 'KG'), ('kgz', 'KG'), ('kirghizia', 'KG'), ('kirgizia', 'KG');
-- KH Cambodia
INSERT INTO country_aliases (alias, code) VALUES ('kh', 'KH'), ('cambodia', 'KH'), ('kingdom of cambodia', 'KH'), ('khm', 'KH'), ('khmer republic', 'KH'), ('khmer republic (cambodia)', 'KH'), ('kampuchea', 'KH'), ('democratic kampuchea', 'KH');
-- KI Kiribati
INSERT INTO country_aliases (alias, code) VALUES ('ki', 'KI'), ('kiribati', 'KI'), ('republic of kiribati', 'KI'), ('kir', 'KI');
-- KM Comoros
INSERT INTO country_aliases (alias, code) VALUES ('km', 'KM'), ('comoros', 'KM'), ('union of the comoros', 'KM'), ('com', 'KM');
-- KN Saint Kitts and Nevis
INSERT INTO country_aliases (alias, code) VALUES ('kn', 'KN'), ('saint kitts and nevis', 'KN'), ('saint kitts & nevis', 'KN'), ('st. kitts and nevis', 'KN'), ('st kitts and nevis', 'KN'), ('kna', 'KN'), ('st. kitts & nevis', 'KN'), ('st kitts & nevis', 'KN'), ('saint kitts', 'KN'), ('st. kitts', 'KN'), ('st kitts', 'KN'), ('st. christopher and nevis', 'KN'), ('st. christopher & nevis', 'KN'), ('saint christopher and nevis', 'KN'), ('saint christopher & nevis', 'KN'), ('st christopher and nevis', 'KN'), ('saint-kitts-nevis', 'KN');
-- KP North Korea
INSERT INTO country_aliases (alias, code) VALUES ('kp', 'KP'), ('north korea', 'KP'), ('korea, democratic people''s republic of', 'KP'), ('democratic people''s republic of korea', 'KP'), ('prk', 'KP'), ('korea, north', 'KP'), ('dprk', 'KP'), ('korea-north', 'KP');
-- KR South Korea
INSERT INTO country_aliases (alias, code) VALUES ('kr', 'KR'), ('south korea', 'KR'), ('korea, republic of', 'KR'), ('kor', 'KR'), ('korea', 'KR'), ('korea, south', 'KR'), ('republic of korea', 'KR'), ('korea-south', 'KR'), ('rok', 'KR');
-- KW Kuwait
INSERT INTO country_aliases (alias, code) VALUES ('kw', 'KW'), ('kuwait', 'KW'), ('state of kuwait', 'KW'), ('kwt', 'KW');
-- KY Cayman Islands
INSERT INTO country_aliases (alias, code) VALUES ('ky', 'KY'), ('cayman islands', 'KY'), ('cym', 'KY');
-- KZ Kazakhstan
INSERT INTO country_aliases (alias, code) VALUES ('kz', 'KZ'), ('kazakhstan', 'KZ'), ('republic of kazakhstan', 'KZ'), ('kaz', 'KZ');
-- LA Laos
INSERT INTO country_aliases (alias, code) VALUES ('la', 'LA'), ('laos', 'LA'), ('lao people''s democratic republic', 'LA'), ('lao', 'LA'), ('lao pdr', 'LA');
-- LB Lebanon
INSERT INTO country_aliases (alias, code) VALUES ('lb', 'LB'), ('lebanon', 'LB'), ('lebanese republic', 'LB'), ('lbn', 'LB');
-- LC Saint Lucia
INSERT INTO country_aliases (alias, code) VALUES ('lc', 'LC'), ('saint lucia', 'LC'), ('st. lucia', 'LC'), ('st lucia', 'LC'), ('lca', 'LC'), ('saint-lucia', 'LC');
-- LI Liechtenstein
INSERT INTO country_aliases (alias, code) VALUES ('li', 'LI'), ('liechtenstein', 'LI'), ('principality of liechtenstein', 'LI'), ('lie', 'LI');
-- LK Sri Lanka
INSERT INTO country_aliases (alias, code) VALUES ('lk', 'LK'), ('sri lanka', 'LK'), ('democratic socialist republic of sri lanka', 'LK'), ('lka', 'LK'), ('ceylon', 'LK'), ('ceylon (sri lanka)', 'LK'), ('sri-lanka', 'LK');
-- LR Liberia
INSERT INTO country_aliases (alias, code) VALUES ('lr', 'LR'), ('liberia', 'LR'), ('republic of liberia', 'LR'), ('lbr', 'LR');
-- LS Lesotho
INSERT INTO country_aliases (alias, code) VALUES ('ls', 'LS'), ('lesotho', 'LS'), ('kingdom of lesotho', 'LS'), ('lso', 'LS');
-- LT Lithuania
INSERT INTO country_aliases (alias, code) VALUES ('lt', 'LT'), ('lithuania', 'LT'), ('republic of lithuania', 'LT'), ('ltu', 'LT');
-- LU Luxembourg
INSERT INTO country_aliases (alias, code) VALUES ('lu', 'LU'), ('luxembourg', 'LU'), ('grand duchy of luxembourg', 'LU'), ('lux', 'LU');
-- LV Latvia
INSERT INTO country_aliases (alias, code) VALUES ('lv', 'LV'), ('latvia', 'LV'), ('republic of latvia', 'LV'), ('lva', 'LV');
-- LY Libya
INSERT INTO country_aliases (alias, code) VALUES ('ly', 'LY'), ('libya', 'LY'), ('lby', 'LY');
-- MA Morocco
INSERT INTO country_aliases (alias, code) VALUES ('ma', 'MA'), ('morocco', 'MA'), ('kingdom of morocco', 'MA'), ('mar', 'MA');
-- MC Monaco
INSERT INTO country_aliases (alias, code) VALUES ('mc', 'MC'), ('monaco', 'MC'), ('principality of monaco', 'MC'), ('mco', 'MC');
-- MD Moldova
INSERT INTO country_aliases (alias, code) VALUES ('md', 'MD'), ('moldova', 'MD'), ('moldova, republic of', 'MD'), ('republic of moldova', 'MD'), ('mda', 'MD'), ('moldavia', 'MD');
-- ME Montenegro
INSERT INTO country_aliases (alias, code) VALUES ('me', 'ME'), ('montenegro', 'ME'), ('mne', 'ME');
-- MF Saint Martin
INSERT INTO country_aliases (alias, code) VALUES ('mf', 'MF'), ('saint martin', 'MF'), ('st. martin', 'MF'), ('st martin', 'MF'), ('saint martin (french part)', 'MF'), ('st. martin (french part)', 'MF'), ('st martin (french part)', 'MF'), ('maf', 'MF'), ('saint-martin', 'MF');
-- MG Madagascar
INSERT INTO country_aliases (alias, code) VALUES ('mg', 'MG'), ('madagascar', 'MG'), ('republic of madagascar', 'MG'), ('mdg', 'MG');
-- MH Marshall Islands
INSERT INTO country_aliases (alias, code) VALUES ('mh', 'MH'), ('marshall islands', 'MH'), ('republic of the marshall islands', 'MH'), ('mhl', 'MH'), ('marshall-islands', 'MH');
-- MK North Macedonia
INSERT INTO country_aliases (alias, code) VALUES ('mk', 'MK'), ('north macedonia', 'MK'), ('republic of north macedonia', 'MK'), ('mkd', 'MK'), ('macedonia', 'MK'), ('macedonia, former yugoslav republic of', 'MK'), ('former yugoslav republic of macedonia', 'MK'), ('the former yugoslav republic of macedonia', 'MK'), ('fyrom', 'MK'), ('north-macedonia', 'MK');
-- ML Mali
INSERT INTO country_aliases (alias, code) VALUES ('ml', 'ML'), ('mali', 'ML'), ('republic of mali', 'ML'), ('mli', 'ML');
-- MM Myanmar
INSERT INTO country_aliases (alias, code) VALUES ('mm', 'MM'), ('myanmar', 'MM'), ('republic of myanmar', 'MM'), ('mmr', 'MM'), ('burma', 'MM'), ('burma (myanmar)', 'MM'), ('myanmar (burma)', 'MM'), ('union of burma', 'MM');
-- MN Mongolia
INSERT INTO country_aliases (alias, code) VALUES ('mn', 'MN'), ('mongolia', 'MN'), ('mng', 'MN');
-- MO Macau
INSERT INTO country_aliases (alias, code) VALUES ('mo', 'MO'), ('macau', 'MO'), ('macao', 'MO'), ('macao special administrative region of china', 'MO'), ('mac', 'MO');
-- MP Northern Mariana Islands
INSERT INTO country_aliases (alias, code) VALUES ('mp', 'MP'), ('northern mariana islands', 'MP'), ('commonwealth of the northern mariana islands', 'MP'), ('mnp', 'MP');
-- MQ Martinique
INSERT INTO country_aliases (alias, code) VALUES ('mq', 'MQ'), ('martinique', 'MQ'), ('mtq', 'MQ');
-- MR Mauritania
INSERT INTO country_aliases (alias, code) VALUES ('mr', 'MR'), ('mauritania', 'MR'), ('islamic republic of mauritania', 'MR'), ('mrt', 'MR');
-- MS Montserrat
INSERT INTO country_aliases (alias, code) VALUES ('ms', 'MS'), ('montserrat', 'MS'), ('msr', 'MS');
-- MT Malta
INSERT INTO country_aliases (alias, code) VALUES ('mt', 'MT'), ('malta', 'MT'), ('republic of malta', 'MT'), ('mlt', 'MT');
-- MU Mauritius
INSERT INTO country_aliases (alias, code) VALUES ('mu', 'MU'), ('mauritius', 'MU'), ('republic of mauritius', 'MU'), ('mus', 'MU');
-- MV Maldives
INSERT INTO country_aliases (alias, code) VALUES ('mv', 'MV'), ('maldives', 'MV'), ('republic of maldives', 'MV'), ('mdv', 'MV');
-- MW Malawi
INSERT INTO country_aliases (alias, code) VALUES ('mw', 'MW'), ('malawi', 'MW'), ('republic of malawi', 'MW'), ('mwi', 'MW');
-- MX Mexico
INSERT INTO country_aliases (alias, code) VALUES ('mx', 'MX'), ('mexico', 'MX'), ('united mexican states', 'MX'), ('mex', 'MX');
-- MY Malaysia
INSERT INTO country_aliases (alias, code) VALUES ('my', 'MY'), ('malaysia', 'MY'), ('mys', 'MY'), ('malaya', 'MY'), ('federation of malaya', 'MY');
-- MZ Mozambique
INSERT INTO country_aliases (alias, code) VALUES ('mz', 'MZ'), ('mozambique', 'MZ'), ('republic of mozambique', 'MZ'), ('moz', 'MZ');
-- NA Namibia
INSERT INTO country_aliases (alias, code) VALUES ('na', 'NA'), ('namibia', 'NA'), ('republic of namibia', 'NA'), ('nam', 'NA');
-- NC New Caledonia
INSERT INTO country_aliases (alias, code) VALUES ('nc', 'NC'), ('new caledonia', 'NC'), ('ncl', 'NC'), ('new-caledonia', 'NC');
-- NE Niger
INSERT INTO country_aliases (alias, code) VALUES ('ne', 'NE'), ('niger', 'NE'), ('republic of the niger', 'NE'), ('ner', 'NE');
-- NF Norfolk Island
INSERT INTO country_aliases (alias, code) VALUES ('nf', 'NF'), ('norfolk island', 'NF'), ('nfk', 'NF');
-- NG Nigeria
INSERT INTO country_aliases (alias, code) VALUES ('ng', 'NG'), ('nigeria', 'NG'), ('federal republic of nigeria', 'NG'), ('nga', 'NG');
-- NI Nicaragua
INSERT INTO country_aliases (alias, code) VALUES ('ni', 'NI'), ('nicaragua', 'NI'), ('republic of nicaragua', 'NI'), ('nic', 'NI');
-- NL Netherlands
INSERT INTO country_aliases (alias, code) VALUES ('nl', 'NL'), ('netherlands', 'NL'), ('kingdom of the netherlands', 'NL'), ('nld', 'NL'), ('holland', 'NL'), ('the netherlands', 'NL');
-- NO Norway
INSERT INTO country_aliases (alias, code) VALUES ('no', 'NO'), ('norway', 'NO'), ('kingdom of norway', 'NO'), ('nor', 'NO');
-- NP Nepal
INSERT INTO country_aliases (alias, code) VALUES ('np', 'NP'), ('nepal', 'NP'), ('federal democratic republic of nepal', 'NP'), ('npl', 'NP');
-- NR Nauru
INSERT INTO country_aliases (alias, code) VALUES ('nr', 'NR'), ('nauru', 'NR'), ('republic of nauru', 'NR'), ('nru', 'NR');
-- NU Niue
INSERT INTO country_aliases (alias, code) VALUES ('nu', 'NU'), ('niue', 'NU'), ('niu', 'NU');
-- NZ New Zealand
INSERT INTO country_aliases (alias, code) VALUES ('nz', 'NZ'), ('new zealand', 'NZ'), ('nzl', 'NZ'), ('new-zealand', 'NZ');
-- OM Oman
INSERT INTO country_aliases (alias, code) VALUES ('om', 'OM'), ('oman', 'OM'), ('sultanate of oman', 'OM'), ('omn', 'OM'), ('muscat & oman', 'OM'), ('muscat and oman', 'OM');
-- PA Panama
INSERT INTO country_aliases (alias, code) VALUES ('pa', 'PA'), ('panama', 'PA'), ('republic of panama', 'PA'), ('pan', 'PA');
-- PE Peru
INSERT INTO country_aliases (alias, code) VALUES ('pe', 'PE'), ('peru', 'PE'), ('republic of peru', 'PE'), ('per', 'PE');
-- PF French Polynesia
INSERT INTO country_aliases (alias, code) VALUES ('pf', 'PF'), ('french polynesia', 'PF'), ('pyf', 'PF'), ('french-polynesia', 'PF');
-- PG Papua New Guinea
INSERT INTO country_aliases (alias, code) VALUES ('pg', 'PG'), ('papua new guinea', 'PG'), ('independent state of papua new guinea', 'PG'), ('png', 'PG'), ('papua-new-guinea', 'PG');
-- PH Philippines
INSERT INTO country_aliases (alias, code) VALUES ('ph', 'PH'), ('philippines', 'PH'), ('republic of the philippines', 'PH'), ('phl', 'PH'), ('the philippines', 'PH');
-- PK Pakistan
INSERT INTO country_aliases (alias, code) VALUES ('pk', 'PK'), ('pakistan', 'PK'), ('islamic republic of pakistan', 'PK'), ('pak', 'PK');
-- PL Poland
INSERT INTO country_aliases (alias, code) VALUES ('pl', 'PL'), ('poland', 'PL'), ('republic of poland', 'PL'), ('pol', 'PL'), ('poland (government-in-exile)', 'PL');
-- PM Saint Pierre and Miquelon
INSERT INTO country_aliases (alias, code) VALUES ('pm', 'PM'), ('saint pierre and miquelon', 'PM'), ('saint pierre & miquelon', 'PM'), ('st. pierre and miquelon', 'PM'), ('st pierre and miquelon', 'PM'), ('spm', 'PM');
-- PN Pitcairn Islands
INSERT INTO country_aliases (alias, code) VALUES ('pn', 'PN'), ('pitcairn islands', 'PN'), ('pitcairn', 'PN'), ('pcn', 'PN');
-- PR Puerto Rico
INSERT INTO country_aliases (alias, code) VALUES ('pr', 'PR'), ('puerto rico', 'PR'), ('pri', 'PR');
-- PS Palestinian Territories
INSERT INTO country_aliases (alias, code) VALUES ('ps', 'PS'), ('palestinian territories', 'PS'), ('palestine, state of', 'PS'), ('the state of palestine', 'PS'), ('state of palestine', 'PS'), ('pse', 'PS'), ('palestine', 'PS'), ('palestinian territory', 'PS'), ('occupied palestinian territory', 'PS'), ('palestinian authority', 'PS'), ('palestinian-authority', 'PS'), ('palestinian-territories', 'PS'), ('west bank', 'PS'), ('west-bank', 'PS'), ('gaza', 'PS'), ('gaza strip', 'PS'), ('west bank and gaza', 'PS'), ('west bank & gaza', 'PS'), ('west bank and gaza strip', 'PS'), ('west bank & gaza strip', 'PS'), ('gaza-strip', 'PS');
-- PT Portugal
INSERT INTO country_aliases (alias, code) VALUES ('pt', 'PT'), ('portugal', 'PT'), ('portuguese republic', 'PT'), ('prt', 'PT');
-- PW Palau
INSERT INTO country_aliases (alias, code) VALUES ('pw', 'PW'), ('palau', 'PW'), ('republic of palau', 'PW'), ('plw', 'PW');
-- PY Paraguay
INSERT INTO country_aliases (alias, code) VALUES ('py', 'PY'), ('paraguay', 'PY'), ('republic of paraguay', 'PY'), ('pry', 'PY');
-- QA Qatar
INSERT INTO country_aliases (alias, code) VALUES ('qa', 'QA'), ('qatar', 'QA'), ('state of qatar', 'QA'), ('qat', 'QA');
-- RE Reunion
INSERT INTO country_aliases (alias, code) VALUES ('re', 'RE'), ('réunion', 'RE'), ('reunion', 'RE'), ('reu', 'RE');
-- RO Romania
INSERT INTO country_aliases (alias, code) VALUES ('ro', 'RO'), ('romania', 'RO'), ('rou', 'RO');
-- RS Serbia
INSERT INTO country_aliases (alias, code) VALUES ('rs', 'RS'), ('serbia', 'RS'), ('republic of serbia', 'RS'), ('srb', 'RS');
-- RU Russia
INSERT INTO country_aliases (alias, code) VALUES ('ru', 'RU'), ('russia', 'RU'), ('russian federation', 'RU'), ('rus', 'RU');
-- RW Rwanda
INSERT INTO country_aliases (alias, code) VALUES ('rw', 'RW'), ('rwanda', 'RW'), ('rwandese republic', 'RW'), ('rwa', 'RW');
-- SA Saudi Arabia
INSERT INTO country_aliases (alias, code) VALUES ('sa', 'SA'), ('saudi arabia', 'SA'), ('kingdom of saudi arabia', 'SA'), ('sau', 'SA'), ('saudi-arabia', 'SA');
-- SB Solomon Islands
INSERT INTO country_aliases (alias, code) VALUES ('sb', 'SB'), ('solomon islands', 'SB'), ('slb', 'SB'), ('solomon-islands', 'SB');
-- SC Seychelles
INSERT INTO country_aliases (alias, code) VALUES ('sc', 'SC'), ('seychelles', 'SC'), ('republic of seychelles', 'SC'), ('syc', 'SC');
-- SD Sudan
INSERT INTO country_aliases (alias, code) VALUES ('sd', 'SD'), ('sudan', 'SD'), ('republic of the sudan', 'SD'), ('sdn', 'SD');
-- SE Sweden
INSERT INTO country_aliases (alias, code) VALUES ('se', 'SE'), ('sweden', 'SE'), ('kingdom of sweden', 'SE'), ('swe', 'SE');
-- SG Singapore
INSERT INTO country_aliases (alias, code) VALUES ('sg', 'SG'), ('singapore', 'SG'), ('republic of singapore', 'SG'), ('sgp', 'SG');
-- SH Saint Helena, Ascension and Tristan da Cunha
INSERT INTO country_aliases (alias, code) VALUES ('sh', 'SH'), ('saint helena, ascension and tristan da cunha', 'SH'), ('saint helena, ascension & tristan da cunha', 'SH'), ('st. helena, ascension and tristan da cunha', 'SH'), ('st helena, ascension and tristan da cunha', 'SH'), ('shn', 'SH'), ('saint helena', 'SH'), ('st. helena', 'SH'), ('st helena', 'SH'), ('ascension island', 'SH'), ('tristan da cunha', 'SH');
-- SI Slovenia
INSERT INTO country_aliases (alias, code) VALUES ('si', 'SI'), ('slovenia', 'SI'), ('republic of slovenia', 'SI'), ('svn', 'SI');
-- SJ Svalbard and Jan Mayen
INSERT INTO country_aliases (alias, code) VALUES ('sj', 'SJ'), ('svalbard and jan mayen', 'SJ'), ('svalbard & jan mayen', 'SJ'), ('sjm', 'SJ');
-- SK Slovakia
INSERT INTO country_aliases (alias, code) VALUES ('sk', 'SK'), ('slovakia', 'SK'), ('slovak republic', 'SK'), ('svk', 'SK');
-- SL Sierra Leone
INSERT INTO country_aliases (alias, code) VALUES ('sl', 'SL'), ('sierra leone', 'SL'), ('republic of sierra leone', 'SL'), ('sle', 'SL'), ('sierra-leone', 'SL');
-- SM San Marino
INSERT INTO country_aliases (alias, code) VALUES ('sm', 'SM'), ('san marino', 'SM'), ('republic of san marino', 'SM'), ('smr', 'SM');
-- SN Senegal
INSERT INTO country_aliases (alias, code) VALUES ('sn', 'SN'), ('senegal', 'SN'), ('republic of senegal', 'SN'), ('sen', 'SN');
-- SO Somalia
INSERT INTO country_aliases (alias, code) VALUES ('so', 'SO'), ('somalia', 'SO'), ('federal republic of somalia', 'SO'), ('som', 'SO'), ('somali republic', 'SO');
-- SR Suriname
INSERT INTO country_aliases (alias, code) VALUES ('sr', 'SR'), ('suriname', 'SR'), ('republic of suriname', 'SR'), ('sur', 'SR');
-- SS South Sudan
INSERT INTO country_aliases (alias, code) VALUES ('ss', 'SS'), ('south sudan', 'SS'), ('republic of south sudan', 'SS'), ('ssd', 'SS'), ('south-sudan', 'SS');
-- ST Sao Tome and Principe
INSERT INTO country_aliases (alias, code) VALUES ('st', 'ST'), ('são tomé and príncipe', 'ST'), ('sao tome and principe', 'ST'), ('são tomé & príncipe', 'ST'), ('sao tome & principe', 'ST'), ('democratic republic of sao tome and principe', 'ST'), ('democratic republic of sao tome & principe', 'ST'), ('stp', 'ST'), ('sao-tome-and-principe', 'ST');
-- SV El Salvador
INSERT INTO country_aliases (alias, code) VALUES ('sv', 'SV'), ('el salvador', 'SV'), ('republic of el salvador', 'SV'), ('slv', 'SV'), ('el-salvador', 'SV');
-- SX Sint Maarten
INSERT INTO country_aliases (alias, code) VALUES ('sx', 'SX'), ('sint maarten', 'SX'), ('sint maarten (dutch part)', 'SX'), ('sxm', 'SX'), ('st. maarten', 'SX');
-- SY Syria
INSERT INTO country_aliases (alias, code) VALUES ('sy', 'SY'), ('syria', 'SY'), ('syrian arab republic', 'SY'), ('syr', 'SY');
-- SZ Eswatini
INSERT INTO country_aliases (alias, code) VALUES ('sz', 'SZ'), ('eswatini', 'SZ'), ('kingdom of eswatini', 'SZ'), ('swz', 'SZ'), ('swaziland', 'SZ');
-- TC Turks and Caicos Islands
INSERT INTO country_aliases (alias, code) VALUES ('tc', 'TC'), ('turks and caicos islands', 'TC'), ('turks & caicos islands', 'TC'), ('tca', 'TC');
-- TD Chad
INSERT INTO country_aliases (alias, code) VALUES ('td', 'TD'), ('chad', 'TD'), ('republic of chad', 'TD'), ('tcd', 'TD');
-- TF French Southern Territories
INSERT INTO country_aliases (alias, code) VALUES ('tf', 'TF'), ('french southern territories', 'TF'), ('atf', 'TF');
-- TG Togo
INSERT INTO country_aliases (alias, code) VALUES ('tg', 'TG'), ('togo', 'TG'), ('togolese republic', 'TG'), ('tgo', 'TG');
-- TH Thailand
INSERT INTO country_aliases (alias, code) VALUES ('th', 'TH'), ('thailand', 'TH'), ('kingdom of thailand', 'TH'), ('tha', 'TH'), ('siam', 'TH'), ('siam (thailand)', 'TH');
-- TJ Tajikistan
INSERT INTO country_aliases (alias, code) VALUES ('tj', 'TJ'), ('tajikistan', 'TJ'), ('republic of tajikistan', 'TJ'), ('tjk', 'TJ');
-- TK Tokelau
INSERT INTO country_aliases (alias, code) VALUES ('tk', 'TK'), ('tokelau', 'TK'), ('tkl', 'TK');
-- TL Timor-Leste
INSERT INTO country_aliases (alias, code) VALUES ('tl', 'TL'), ('timor-leste', 'TL'), ('democratic republic of timor-leste', 'TL'), ('tls', 'TL'), ('east timor', 'TL'), ('timor leste', 'TL');
-- TM Turkmenistan
INSERT INTO country_aliases (alias, code) VALUES ('tm', 'TM'), ('turkmenistan', 'TM'), ('tkm', 'TM');
-- TN Tunisia
INSERT INTO country_aliases (alias, code) VALUES ('tn', 'TN'), ('tunisia', 'TN'), ('republic of tunisia', 'TN'), ('tun', 'TN');
-- TO Tonga
INSERT INTO country_aliases (alias, code) VALUES ('to', 'TO'), ('tonga', 'TO'), ('kingdom of tonga', 'TO'), ('ton', 'TO');
-- TR Turkiye
INSERT INTO country_aliases (alias, code) VALUES ('tr', 'TR'), ('türkiye', 'TR'), ('turkiye', 'TR'), ('republic of türkiye', 'TR'), ('republic of turkiye', 'TR'), ('tur', 'TR'), ('turkey', 'TR'), ('republic of turkey', 'TR');
-- TT Trinidad and Tobago
INSERT INTO country_aliases (alias, code) VALUES ('tt', 'TT'), ('trinidad and tobago', 'TT'), ('trinidad & tobago', 'TT'), ('republic of trinidad and tobago', 'TT'), ('republic of trinidad & tobago', 'TT'), ('tto', 'TT'), ('trinidad-and-tobago', 'TT');
-- TV Tuvalu
INSERT INTO country_aliases (alias, code) VALUES ('tv', 'TV'), ('tuvalu', 'TV'), ('tuv', 'TV');
-- TW Taiwan
INSERT INTO country_aliases (alias, code) VALUES ('tw', 'TW'), ('taiwan', 'TW'), ('taiwan, province of china', 'TW'), ('twn', 'TW'), ('republic of china', 'TW'), ('china, republic of', 'TW'), ('formosa', 'TW'), ('roc', 'TW'), ('chinese taipei', 'TW');
-- TZ Tanzania
INSERT INTO country_aliases (alias, code) VALUES ('tz', 'TZ'), ('tanzania', 'TZ'), ('tanzania, united republic of', 'TZ'), ('united republic of tanzania', 'TZ'), ('tza', 'TZ'), ('tanganyika', 'TZ');
-- UA Ukraine
INSERT INTO country_aliases (alias, code) VALUES ('ua', 'UA'), ('ukraine', 'UA'), ('ukr', 'UA');
-- UG Uganda
INSERT INTO country_aliases (alias, code) VALUES ('ug', 'UG'), ('uganda', 'UG'), ('republic of uganda', 'UG'), ('uga', 'UG');
-- UM U.S. Minor Outlying Islands
INSERT INTO country_aliases (alias, code) VALUES ('um', 'UM'), ('u.s. minor outlying islands', 'UM'), ('united states minor outlying islands', 'UM'), ('umi', 'UM');
-- US United States
INSERT INTO country_aliases (alias, code) VALUES ('us', 'US'), ('united states', 'US'), ('united states of america', 'US'), ('usa', 'US'), ('u.s.', 'US'), ('u.s.a.', 'US'), ('america', 'US');
-- UY Uruguay
INSERT INTO country_aliases (alias, code) VALUES ('uy', 'UY'), ('uruguay', 'UY'), ('eastern republic of uruguay', 'UY'), ('ury', 'UY');
-- UZ Uzbekistan
INSERT INTO country_aliases (alias, code) VALUES ('uz', 'UZ'), ('uzbekistan', 'UZ'), ('republic of uzbekistan', 'UZ'), ('uzb', 'UZ');
-- VA Vatican City
INSERT INTO country_aliases (alias, code) VALUES ('va', 'VA'), ('vatican city', 'VA'), ('holy see (vatican city state)', 'VA'), ('vat', 'VA'), ('holy see', 'VA'), ('vatican', 'VA'), ('vatican city state', 'VA'), ('holy-see', 'VA');
-- VC Saint Vincent and the Grenadines
INSERT INTO country_aliases (alias, code) VALUES ('vc', 'VC'), ('saint vincent and the grenadines', 'VC'), ('saint vincent & the grenadines', 'VC'), ('st. vincent and the grenadines', 'VC'), ('st vincent and the grenadines', 'VC'), ('vct', 'VC'), ('st. vincent & the grenadines', 'VC'), ('st vincent & the grenadines', 'VC'), ('saint vincent', 'VC'), ('st. vincent', 'VC'), ('st vincent', 'VC'), ('saint-vincent-grenadines', 'VC');
-- VE Venezuela
INSERT INTO country_aliases (alias, code) VALUES ('ve', 'VE'), ('venezuela', 'VE'), ('venezuela, bolivarian republic of', 'VE'), ('bolivarian republic of venezuela', 'VE'), ('ven', 'VE');
-- VG British Virgin Islands
INSERT INTO country_aliases (alias, code) VALUES ('vg', 'VG'), ('british virgin islands', 'VG'), ('virgin islands, british', 'VG'), ('vgb', 'VG');
-- VI U.S. Virgin Islands
INSERT INTO country_aliases (alias, code) VALUES ('vi', 'VI'), ('u.s. virgin islands', 'VI'), ('virgin islands, u.s.', 'VI'), ('virgin islands of the united states', 'VI'), ('vir', 'VI'), ('us virgin islands', 'VI'), ('united states virgin islands', 'VI');
-- VN Vietnam
INSERT INTO country_aliases (alias, code) VALUES ('vn', 'VN'), ('vietnam', 'VN'), ('viet nam', 'VN'), ('socialist republic of viet nam', 'VN'), ('vnm', 'VN'), ('north vietnam', 'VN'), ('democratic republic of vietnam', 'VN'), ('democratic republic of viet nam', 'VN');
-- VU Vanuatu
INSERT INTO country_aliases (alias, code) VALUES ('vu', 'VU'), ('vanuatu', 'VU'), ('republic of vanuatu', 'VU'), ('vut', 'VU');
-- WF Wallis and Futuna
INSERT INTO country_aliases (alias, code) VALUES ('wf', 'WF'), ('wallis and futuna', 'WF'), ('wallis & futuna', 'WF'), ('wlf', 'WF');
-- WS Samoa
INSERT INTO country_aliases (alias, code) VALUES ('ws', 'WS'), ('samoa', 'WS'), ('independent state of samoa', 'WS'), ('wsm', 'WS'), ('western samoa', 'WS'), ('somoa', 'WS');
-- YE Yemen
INSERT INTO country_aliases (alias, code) VALUES ('ye', 'YE'), ('yemen', 'YE'), ('republic of yemen', 'YE'), ('yem', 'YE'), ('yemen arab republic', 'YE'), ('north yemen', 'YE');
-- YT Mayotte
INSERT INTO country_aliases (alias, code) VALUES ('yt', 'YT'), ('mayotte', 'YT'), ('myt', 'YT');
-- ZA South Africa
INSERT INTO country_aliases (alias, code) VALUES ('za', 'ZA'), ('south africa', 'ZA'), ('republic of south africa', 'ZA'), ('zaf', 'ZA'), ('union of south africa', 'ZA'), ('south-africa', 'ZA');
-- ZM Zambia
INSERT INTO country_aliases (alias, code) VALUES ('zm', 'ZM'), ('zambia', 'ZM'), ('republic of zambia', 'ZM'), ('zmb', 'ZM');
-- ZW Zimbabwe
INSERT INTO country_aliases (alias, code) VALUES ('zw', 'ZW'), ('zimbabwe', 'ZW'), ('republic of zimbabwe', 'ZW'), ('zwe', 'ZW');
-- XK Kosovo
INSERT INTO country_aliases (alias, code) VALUES ('xk', 'XK'), ('kosovo', 'XK'), ('republic of kosovo', 'XK'), ('xkx', 'XK'), ('serbia-montenegro (kosovo)', 'XK'), ('yugoslavia (kosovo)', 'XK');
-- SUHH Soviet Union
INSERT INTO country_aliases (alias, code) VALUES ('suhh', 'SUHH'), ('soviet union', 'SUHH'), ('ussr, union of soviet socialist republics', 'SUHH'), ('sun', 'SUHH'), ('ussr', 'SUHH'), ('u.s.s.r.', 'SUHH'), ('union of soviet socialist republics', 'SUHH'), ('su', 'SUHH');
-- YUCS Yugoslavia
INSERT INTO country_aliases (alias, code) VALUES ('yucs', 'YUCS'), ('yugoslavia', 'YUCS'), ('yugoslavia, (socialist) federal republic of', 'YUCS'), ('yug', 'YUCS'), ('socialist federal republic of yugoslavia', 'YUCS'), ('federal republic of yugoslavia', 'YUCS'), ('sfry', 'YUCS'), ('fry', 'YUCS'), ('yu', 'YUCS');
-- CSHH Czechoslovakia
INSERT INTO country_aliases (alias, code) VALUES ('cshh', 'CSHH'), ('czechoslovakia', 'CSHH'), ('czechoslovakia, czechoslovak socialist republic', 'CSHH'), ('csk', 'CSHH'), ('czechoslovak socialist republic', 'CSHH'), ('czechoslovak republic', 'CSHH'), ('czechoslovakia (government-in-exile)', 'CSHH');
-- DDDE East Germany
INSERT INTO country_aliases (alias, code) VALUES ('ddde', 'DDDE'), ('east germany', 'DDDE'), ('german democratic republic', 'DDDE'), ('ddr', 'DDDE'), ('german-democratic-republic', 'DDDE'), ('gdr', 'DDDE'), ('dd', 'DDDE'), ('germany (east)', 'DDDE');
-- CSXX Serbia and Montenegro
INSERT INTO country_aliases (alias, code) VALUES ('csxx', 'CSXX'), ('serbia and montenegro', 'CSXX'), ('serbia & montenegro', 'CSXX'), ('scg', 'CSXX'), ('state union of serbia and montenegro', 'CSXX'), ('state union of serbia & montenegro', 'CSXX'), ('serbia-montenegro', 'CSXX');
-- ANHH Netherlands Antilles
INSERT INTO country_aliases (alias, code) VALUES ('anhh', 'ANHH'), ('netherlands antilles', 'ANHH'), ('ant', 'ANHH'), ('netherlands-antilles', 'ANHH'), ('an', 'ANHH'), ('dutch antilles', 'ANHH');
-- ZRCD Zaire
INSERT INTO country_aliases (alias, code) VALUES ('zrcd', 'ZRCD'), ('zaire', 'ZRCD'), ('zaire, republic of', 'ZRCD'), ('zar', 'ZRCD'), ('zr', 'ZRCD'), ('republic of zaire', 'ZRCD');
-- DYBJ Dahomey
INSERT INTO country_aliases (alias, code) VALUES ('dybj', 'DYBJ'), ('dahomey', 'DYBJ'), ('dhy', 'DYBJ'), ('dy', 'DYBJ'), ('dahomey (benin)', 'DYBJ'), ('republic of dahomey', 'DYBJ');
-- HVBF Upper Volta
INSERT INTO country_aliases (alias, code) VALUES ('hvbf', 'HVBF'), ('upper volta', 'HVBF'), ('upper volta, republic of', 'HVBF'), ('hvo', 'HVBF'), ('hv', 'HVBF'), ('upper volta (burkina faso)', 'HVBF'), ('republic of upper volta', 'HVBF');
-- RHZW Rhodesia
INSERT INTO country_aliases (alias, code) VALUES ('rhzw', 'RHZW'), ('rhodesia', 'RHZW'), ('southern rhodesia', 'RHZW'), ('rho', 'RHZW'), ('rh', 'RHZW'), ('southern rhodesia (zimbabwe)', 'RHZW'), ('zimbabwe rhodesia', 'RHZW'), ('zimbabwe-rhodesia', 'RHZW');
-- XHAW Kingdom of Hawaii
INSERT INTO country_aliases (alias, code) VALUES ('xhaw', 'XHAW'), ('kingdom of hawaii', 'XHAW'), ('hawaii', 'XHAW'), ('republic of hawaii', 'XHAW'), ('hawaiian kingdom', 'XHAW');
-- XSVN South Vietnam
INSERT INTO country_aliases (alias, code) VALUES ('xsvn', 'XSVN'), ('south vietnam', 'XSVN'), ('republic of vietnam', 'XSVN'), ('state of vietnam', 'XSVN'), ('republic of viet nam', 'XSVN'), ('rvn', 'XSVN');

-- ---------------------------------------------------------------- regions

INSERT INTO regions (code, name, notes, builtin) VALUES
  ('AF', 'Africa', 'Bureau of African Affairs (sub-Saharan Africa)', 1),
  ('EAP', 'East Asia and Pacific', 'Bureau of East Asian and Pacific Affairs', 1),
  ('EUR', 'Europe and Eurasia', 'Bureau of European and Eurasian Affairs', 1),
  ('NEA', 'Near East', 'Bureau of Near Eastern Affairs (North Africa, the Middle East and the Gulf)', 1),
  ('SCA', 'South and Central Asia', 'Bureau of South and Central Asian Affairs', 1),
  ('WHA', 'Western Hemisphere', 'Bureau of Western Hemisphere Affairs', 1);

-- ---------------------------------------------------------------- region_members
--
-- Current countries with no bureau:
--   AQ Antarctica: Antarctica, no permanent population
--   AS American Samoa: US territory
--   BV Bouvet Island: uninhabited (Norway)
--   GS South Georgia and the South Sandwich Islands: no permanent population (UK)
--   GU Guam: US territory
--   HM Heard Island and McDonald Islands: uninhabited (Australia)
--   IO British Indian Ocean Territory: no permanent civilian population (UK military base, Diego Garcia)
--   MP Northern Mariana Islands: US territory
--   PR Puerto Rico: US territory
--   TF French Southern Territories: no permanent population (France)
--   UM U.S. Minor Outlying Islands: US territory, uninhabited
--   US United States: the United States itself
--   VI U.S. Virgin Islands: US territory

-- AF Bureau of African Affairs (sub-Saharan Africa)
INSERT INTO region_members (region, country) VALUES
  ('AF', 'AO'),
  ('AF', 'BF'),
  ('AF', 'BI'),
  ('AF', 'BJ'),
  ('AF', 'BW'),
  ('AF', 'CD'),
  ('AF', 'CF'),
  ('AF', 'CG'),
  ('AF', 'CI'),
  ('AF', 'CM'),
  ('AF', 'CV'),
  ('AF', 'DJ'),
  ('AF', 'ER'),
  ('AF', 'ET'),
  ('AF', 'GA'),
  ('AF', 'GH'),
  ('AF', 'GM'),
  ('AF', 'GN'),
  ('AF', 'GQ'),
  ('AF', 'GW'),
  ('AF', 'KE'),
  ('AF', 'KM'),
  ('AF', 'LR'),
  ('AF', 'LS'),
  ('AF', 'MG'),
  ('AF', 'ML'),
  ('AF', 'MR'),
  ('AF', 'MU'),
  ('AF', 'MW'),
  ('AF', 'MZ'),
  ('AF', 'NA'),
  ('AF', 'NE'),
  ('AF', 'NG'),
  ('AF', 'RE'),
  ('AF', 'RW'),
  ('AF', 'SC'),
  ('AF', 'SD'),
  ('AF', 'SH'),
  ('AF', 'SL'),
  ('AF', 'SN'),
  ('AF', 'SO'),
  ('AF', 'SS'),
  ('AF', 'ST'),
  ('AF', 'SZ'),
  ('AF', 'TD'),
  ('AF', 'TG'),
  ('AF', 'TZ'),
  ('AF', 'UG'),
  ('AF', 'YT'),
  ('AF', 'ZA'),
  ('AF', 'ZM'),
  ('AF', 'ZW'),
  ('AF', 'ZRCD'),
  ('AF', 'DYBJ'),
  ('AF', 'HVBF'),
  ('AF', 'RHZW');

-- EAP Bureau of East Asian and Pacific Affairs
INSERT INTO region_members (region, country) VALUES
  ('EAP', 'AU'),
  ('EAP', 'BN'),
  ('EAP', 'CC'),
  ('EAP', 'CK'),
  ('EAP', 'CN'),
  ('EAP', 'CX'),
  ('EAP', 'FJ'),
  ('EAP', 'FM'),
  ('EAP', 'HK'),
  ('EAP', 'ID'),
  ('EAP', 'JP'),
  ('EAP', 'KH'),
  ('EAP', 'KI'),
  ('EAP', 'KP'),
  ('EAP', 'KR'),
  ('EAP', 'LA'),
  ('EAP', 'MH'),
  ('EAP', 'MM'),
  ('EAP', 'MN'),
  ('EAP', 'MO'),
  ('EAP', 'MY'),
  ('EAP', 'NC'),
  ('EAP', 'NF'),
  ('EAP', 'NR'),
  ('EAP', 'NU'),
  ('EAP', 'NZ'),
  ('EAP', 'PF'),
  ('EAP', 'PG'),
  ('EAP', 'PH'),
  ('EAP', 'PN'),
  ('EAP', 'PW'),
  ('EAP', 'SB'),
  ('EAP', 'SG'),
  ('EAP', 'TH'),
  ('EAP', 'TK'),
  ('EAP', 'TL'),
  ('EAP', 'TO'),
  ('EAP', 'TV'),
  ('EAP', 'TW'),
  ('EAP', 'VN'),
  ('EAP', 'VU'),
  ('EAP', 'WF'),
  ('EAP', 'WS'),
  ('EAP', 'XHAW'),
  ('EAP', 'XSVN');

-- EUR Bureau of European and Eurasian Affairs
INSERT INTO region_members (region, country) VALUES
  ('EUR', 'AD'),
  ('EUR', 'AL'),
  ('EUR', 'AM'),
  ('EUR', 'AT'),
  ('EUR', 'AX'),
  ('EUR', 'AZ'),
  ('EUR', 'BA'),
  ('EUR', 'BE'),
  ('EUR', 'BG'),
  ('EUR', 'BY'),
  ('EUR', 'CH'),
  ('EUR', 'CY'),
  ('EUR', 'CZ'),
  ('EUR', 'DE'),
  ('EUR', 'DK'),
  ('EUR', 'EE'),
  ('EUR', 'ES'),
  ('EUR', 'FI'),
  ('EUR', 'FO'),
  ('EUR', 'FR'),
  ('EUR', 'GB'),
  ('EUR', 'GE'),
  ('EUR', 'GG'),
  ('EUR', 'GI'),
  ('EUR', 'GL'),
  ('EUR', 'GR'),
  ('EUR', 'HR'),
  ('EUR', 'HU'),
  ('EUR', 'IE'),
  ('EUR', 'IM'),
  ('EUR', 'IS'),
  ('EUR', 'IT'),
  ('EUR', 'JE'),
  ('EUR', 'LI'),
  ('EUR', 'LT'),
  ('EUR', 'LU'),
  ('EUR', 'LV'),
  ('EUR', 'MC'),
  ('EUR', 'MD'),
  ('EUR', 'ME'),
  ('EUR', 'MK'),
  ('EUR', 'MT'),
  ('EUR', 'NL'),
  ('EUR', 'NO'),
  ('EUR', 'PL'),
  ('EUR', 'PT'),
  ('EUR', 'RO'),
  ('EUR', 'RS'),
  ('EUR', 'RU'),
  ('EUR', 'SE'),
  ('EUR', 'SI'),
  ('EUR', 'SJ'),
  ('EUR', 'SK'),
  ('EUR', 'SM'),
  ('EUR', 'TR'),
  ('EUR', 'UA'),
  ('EUR', 'VA'),
  ('EUR', 'XK'),
  ('EUR', 'SUHH'),
  ('EUR', 'YUCS'),
  ('EUR', 'CSHH'),
  ('EUR', 'DDDE'),
  ('EUR', 'CSXX');

-- NEA Bureau of Near Eastern Affairs (North Africa, the Middle East and the Gulf)
INSERT INTO region_members (region, country) VALUES
  ('NEA', 'AE'),
  ('NEA', 'BH'),
  ('NEA', 'DZ'),
  ('NEA', 'EG'),
  ('NEA', 'EH'),
  ('NEA', 'IL'),
  ('NEA', 'IQ'),
  ('NEA', 'IR'),
  ('NEA', 'JO'),
  ('NEA', 'KW'),
  ('NEA', 'LB'),
  ('NEA', 'LY'),
  ('NEA', 'MA'),
  ('NEA', 'OM'),
  ('NEA', 'PS'),
  ('NEA', 'QA'),
  ('NEA', 'SA'),
  ('NEA', 'SY'),
  ('NEA', 'TN'),
  ('NEA', 'YE');

-- SCA Bureau of South and Central Asian Affairs
INSERT INTO region_members (region, country) VALUES
  ('SCA', 'AF'),
  ('SCA', 'BD'),
  ('SCA', 'BT'),
  ('SCA', 'IN'),
  ('SCA', 'KG'),
  ('SCA', 'KZ'),
  ('SCA', 'LK'),
  ('SCA', 'MV'),
  ('SCA', 'NP'),
  ('SCA', 'PK'),
  ('SCA', 'TJ'),
  ('SCA', 'TM'),
  ('SCA', 'UZ');

-- WHA Bureau of Western Hemisphere Affairs
INSERT INTO region_members (region, country) VALUES
  ('WHA', 'AG'),
  ('WHA', 'AI'),
  ('WHA', 'AR'),
  ('WHA', 'AW'),
  ('WHA', 'BB'),
  ('WHA', 'BL'),
  ('WHA', 'BM'),
  ('WHA', 'BO'),
  ('WHA', 'BQ'),
  ('WHA', 'BR'),
  ('WHA', 'BS'),
  ('WHA', 'BZ'),
  ('WHA', 'CA'),
  ('WHA', 'CL'),
  ('WHA', 'CO'),
  ('WHA', 'CR'),
  ('WHA', 'CU'),
  ('WHA', 'CW'),
  ('WHA', 'DM'),
  ('WHA', 'DO'),
  ('WHA', 'EC'),
  ('WHA', 'FK'),
  ('WHA', 'GD'),
  ('WHA', 'GF'),
  ('WHA', 'GP'),
  ('WHA', 'GT'),
  ('WHA', 'GY'),
  ('WHA', 'HN'),
  ('WHA', 'HT'),
  ('WHA', 'JM'),
  ('WHA', 'KN'),
  ('WHA', 'KY'),
  ('WHA', 'LC'),
  ('WHA', 'MF'),
  ('WHA', 'MQ'),
  ('WHA', 'MS'),
  ('WHA', 'MX'),
  ('WHA', 'NI'),
  ('WHA', 'PA'),
  ('WHA', 'PE'),
  ('WHA', 'PM'),
  ('WHA', 'PY'),
  ('WHA', 'SR'),
  ('WHA', 'SV'),
  ('WHA', 'SX'),
  ('WHA', 'TC'),
  ('WHA', 'TT'),
  ('WHA', 'UY'),
  ('WHA', 'VC'),
  ('WHA', 'VE'),
  ('WHA', 'VG'),
  ('WHA', 'ANHH');
