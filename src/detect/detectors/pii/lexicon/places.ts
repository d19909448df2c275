/**
 * Gazetteer: countries (English, German, French and Spanish names), regions and states, and major
 * cities. Written for Rampart from general knowledge; compact. Entries are lower case; multi-word
 * entries are matched as word sequences. One entry per line within each block, `|` separated.
 */
const COUNTRIES = `afghanistan|albania|algeria|andorra|angola|argentina|armenia|australia|austria|azerbaijan|bahamas|
bahrain|bangladesh|barbados|belarus|belgium|belize|benin|bhutan|bolivia|bosnia and herzegovina|botswana|brazil|
brunei|bulgaria|burkina faso|burundi|cambodia|cameroon|canada|cape verde|chad|chile|china|colombia|comoros|congo|
costa rica|croatia|cuba|cyprus|czech republic|czechia|denmark|djibouti|dominica|dominican republic|ecuador|egypt|
el salvador|eritrea|estonia|eswatini|ethiopia|fiji|finland|france|gabon|gambia|georgia|germany|ghana|greece|
grenada|guatemala|guinea|guyana|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|
jamaica|japan|jordan|kazakhstan|kenya|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|lesotho|liberia|libya|
liechtenstein|lithuania|luxembourg|madagascar|malawi|malaysia|maldives|mali|malta|mauritania|mauritius|mexico|
moldova|monaco|mongolia|montenegro|morocco|mozambique|myanmar|namibia|nepal|netherlands|the netherlands|
new zealand|nicaragua|niger|nigeria|north korea|north macedonia|norway|oman|pakistan|palestine|panama|
papua new guinea|paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|saudi arabia|senegal|
san marino|serbia|seychelles|sierra leone|singapore|slovakia|slovenia|somalia|south africa|south korea|south sudan|spain|
sri lanka|sudan|suriname|sweden|switzerland|syria|taiwan|tajikistan|tanzania|thailand|togo|tunisia|turkey|
türkiye|turkmenistan|uganda|ukraine|united arab emirates|united kingdom|united states|united states of america|
usa|uk|u.s.|uruguay|uzbekistan|venezuela|vietnam|yemen|zambia|zimbabwe|england|scotland|wales|northern ireland|
great britain|britain|europe|africa|asia|south america|north america|latin america|scandinavia|
deutschland|österreich|schweiz|frankreich|spanien|italien|niederlande|belgien|dänemark|schweden|norwegen|
finnland|polen|tschechien|ungarn|griechenland|türkei|russland|vereinigte staaten|vereinigtes königreich|
großbritannien|england|irland|portugal|kroatien|rumänien|bulgarien|slowakei|slowenien|luxemburg|japan|indien|
brasilien|mexiko|kanada|australien|ägypten|marokko|argentinien|kolumbien|chile|peru|
allemagne|autriche|suisse|espagne|italie|pays-bas|belgique|danemark|suède|norvège|finlande|pologne|
république tchèque|hongrie|grèce|turquie|russie|états-unis|royaume-uni|irlande|croatie|roumanie|bulgarie|
slovaquie|slovénie|japon|inde|brésil|mexique|australie|égypte|maroc|algérie|tunisie|sénégal|argentine|
colombie|chili|pérou|angleterre|écosse|
alemania|austria|suiza|francia|españa|italia|países bajos|bélgica|dinamarca|suecia|noruega|finlandia|polonia|
república checa|hungría|grecia|turquía|rusia|estados unidos|reino unido|irlanda|croacia|rumanía|japón|india|
brasil|méxico|canadá|egipto|marruecos|perú|inglaterra|escocia|uruguay|venezuela|ecuador|bolivia|paraguay|cuba`;

const REGIONS = `alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|idaho|
illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|
missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|
oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|
washington|west virginia|wisconsin|wyoming|ontario|quebec|québec|british columbia|alberta|manitoba|
nova scotia|bavaria|bayern|baden-württemberg|berlin|brandenburg|hessen|hesse|niedersachsen|lower saxony|
nordrhein-westfalen|north rhine-westphalia|rheinland-pfalz|saarland|sachsen|saxony|sachsen-anhalt|
schleswig-holstein|thüringen|thuringia|mecklenburg-vorpommern|tirol|tyrol|steiermark|kärnten|salzburg|
vorarlberg|upper austria|lower austria|oberösterreich|niederösterreich|île-de-france|ile-de-france|normandie|
normandy|bretagne|brittany|provence|alsace|bourgogne|burgundy|occitanie|aquitaine|nouvelle-aquitaine|
auvergne|corse|corsica|catalonia|cataluña|catalunya|andalusia|andalucía|galicia|castilla y león|
castilla-la mancha|aragón|aragon|navarra|país vasco|basque country|euskadi|valencia|comunidad valenciana|
extremadura|asturias|cantabria|murcia|la rioja|canarias|canary islands|baleares|balearic islands|mallorca|
ibiza|tenerife|tuscany|toscana|lombardy|lombardia|sicily|sicilia|sardinia|piedmont|veneto|flanders|wallonia|
zurich|zürich|geneva|genève|bern|ticino|valais|silicon valley|midwest|new england`;

const CITIES = `london|manchester|birmingham|liverpool|leeds|glasgow|edinburgh|bristol|cardiff|belfast|dublin|cork|
oxford|cambridge|newcastle|sheffield|nottingham|leicester|brighton|southampton|aberdeen|york|
new york city|nyc|los angeles|chicago|houston|phoenix|philadelphia|san antonio|san diego|dallas|san jose|
austin|jacksonville|san francisco|columbus|seattle|denver|boston|detroit|nashville|portland|las vegas|
memphis|louisville|baltimore|milwaukee|albuquerque|tucson|fresno|sacramento|atlanta|miami|oakland|
minneapolis|tulsa|cleveland|new orleans|pittsburgh|cincinnati|orlando|st. louis|salt lake city|honolulu|
grand rapids|toronto|montreal|montréal|vancouver|calgary|ottawa|edmonton|winnipeg|
berlin|hamburg|münchen|munich|köln|cologne|frankfurt|frankfurt am main|stuttgart|düsseldorf|dortmund|essen|
leipzig|bremen|dresden|hannover|hanover|nürnberg|nuremberg|duisburg|bochum|wuppertal|bielefeld|bonn|münster|
karlsruhe|mannheim|augsburg|wiesbaden|mainz|kiel|lübeck|rostock|freiburg|heidelberg|potsdam|regensburg|
würzburg|ulm|erfurt|magdeburg|saarbrücken|wien|vienna|graz|linz|innsbruck|klagenfurt|basel|lausanne|
luzern|lucerne|
paris|marseille|lyon|toulouse|nice|nantes|strasbourg|montpellier|bordeaux|lille|rennes|reims|le havre|
saint-étienne|toulon|grenoble|dijon|angers|nîmes|villeurbanne|clermont-ferrand|le mans|aix-en-provence|brest|
tours|amiens|limoges|perpignan|metz|besançon|orléans|rouen|caen|nancy|avignon|cannes|versailles|
bruxelles|brussels|brüssel|antwerp|anvers|antwerpen|ghent|gand|gent|liège|bruges|brugge|namur|charleroi|
luxembourg city|monaco|
madrid|barcelona|valencia|sevilla|seville|zaragoza|málaga|malaga|murcia|palma|las palmas|bilbao|alicante|
córdoba|cordoba|valladolid|vigo|gijón|granada|a coruña|la coruña|vitoria|san sebastián|donostia|santander|
pamplona|salamanca|toledo|cádiz|cadiz|oviedo|burgos|león|tarragona|girona|marbella|
lisbon|lisboa|porto|oporto|braga|coimbra|faro|
rome|roma|milan|milano|naples|napoli|turin|torino|palermo|genoa|genova|bologna|florence|firenze|venice|
venezia|verona|bari|catania|
amsterdam|rotterdam|the hague|den haag|utrecht|eindhoven|groningen|
copenhagen|københavn|aarhus|stockholm|gothenburg|göteborg|malmö|uppsala|oslo|bergen|helsinki|espoo|tampere|
reykjavik|warsaw|warszawa|kraków|krakow|cracow|wrocław|gdańsk|poznań|łódź|prague|praha|brno|budapest|
bratislava|ljubljana|zagreb|belgrade|sarajevo|sofia|bucharest|athens|thessaloniki|istanbul|ankara|izmir|
moscow|saint petersburg|st petersburg|kyiv|kiev|lviv|odesa|minsk|vilnius|riga|tallinn|
mexico city|ciudad de méxico|guadalajara|monterrey|puebla|tijuana|cancún|cancun|bogotá|bogota|medellín|
medellin|cali|cartagena|lima|cusco|quito|guayaquil|caracas|maracaibo|santiago|valparaíso|buenos aires|
córdoba|rosario|mendoza|montevideo|asunción|la paz|havana|la habana|san juan|panama city|san josé|
são paulo|sao paulo|rio de janeiro|brasília|brasilia|salvador|fortaleza|belo horizonte|recife|porto alegre|
curitiba|manaus|
tokyo|osaka|kyoto|yokohama|nagoya|sapporo|beijing|shanghai|guangzhou|shenzhen|hong kong|taipei|seoul|busan|
singapore|bangkok|jakarta|manila|kuala lumpur|hanoi|ho chi minh city|mumbai|delhi|new delhi|bangalore|
bengaluru|chennai|kolkata|hyderabad|karachi|lahore|dhaka|dubai|abu dhabi|doha|riyadh|jeddah|tehran|baghdad|
tel aviv|jerusalem|beirut|amman|cairo|alexandria|casablanca|rabat|marrakech|tunis|algiers|lagos|abuja|
nairobi|addis ababa|accra|dakar|johannesburg|cape town|durban|pretoria|sydney|melbourne|brisbane|perth|
adelaide|canberra|auckland|wellington|christchurch`;

function entries(block: string): string[] {
  return block
    .split("|")
    .map((entry) => entry.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

/** All place names, lower case. */
export const PLACES: ReadonlySet<string> = new Set([
  ...entries(COUNTRIES),
  ...entries(REGIONS),
  ...entries(CITIES),
]);

/** Place names that are also common words or given names: reported only after a place preposition. */
export const AMBIGUOUS_PLACES: ReadonlySet<string> = new Set(
  entries(
    "nice|georgia|jordan|chad|niger|mali|cuba|virginia|washington|phoenix|austin|columbus|mobile|reading|" +
      "bath|split|victoria|florence|sofia|paris|york|essen|bonn|santiago|salvador|granada|santander|" +
      "valencia|toledo|cali|lima|perth|la paz|uk|usa|turkey|guinea|china|india|maine|ohio|tours|metz|nancy|" +
      "león|leon|murcia|bergen|provence|midwest|alexandria|jersey|orleans|kiel|ulm|mainz|linz|bern|brest|berlin",
  ),
);
