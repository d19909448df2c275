/**
 * Benign English prompts of about 1,000 characters, different for every request number and the
 * same on every run. They avoid anything a detector should report (names, numbers that look like
 * phone or card numbers, addresses, instructions to the model, commands, markup), so a benchmark
 * through the gateway measures the allow path, not the block path.
 */

/** Plain sentences about everyday subjects; each prompt is a seeded selection of them. */
const SENTENCES: readonly string[] = [
  "Our team is planning the spring garden and wants to know which vegetables grow well in partial shade.",
  "The soil in the raised beds stays damp for days after rain, so drainage may need some attention.",
  "We would like a short checklist for preparing the beds before the first planting of the season.",
  "Tomatoes and peppers did well last summer, but the lettuce bolted early during the warm weeks.",
  "Please explain the difference between compost, mulch and leaf mould in simple terms.",
  "A neighbour suggested planting marigolds along the edges to keep some insects away from the beans.",
  "The library is reorganising its reading room and would like advice on quiet study spaces.",
  "Readers often ask for longer opening hours during the exam season at the end of the year.",
  "We are comparing two layouts: long shared tables, or smaller desks separated by low shelves.",
  "The building has tall windows on the south side, which makes the afternoons bright and warm.",
  "Could you suggest a friendly way to remind visitors to keep their voices down near the desks?",
  "The children's corner should stay lively without disturbing the people reading further away.",
  "I am learning to bake bread at home and my loaves come out dense rather than light and airy.",
  "The recipe uses flour, water, salt and a small amount of yeast, and the dough rests overnight.",
  "My kitchen is rather cool in winter, so the dough rises much more slowly than the recipe says.",
  "Would a longer kneading time help, or is it better to fold the dough a few times while it rests?",
  "I would also like to try a loaf with seeds and oats once the basic one turns out well.",
  "The crust is pale even though the oven is hot, and I wonder whether steam would make a difference.",
  "Our walking club is choosing a route for a weekend hike through the hills and along the river.",
  "Some members prefer a gentle path, while others would enjoy a steeper climb to the viewpoint.",
  "We want to stop for lunch near the old stone bridge, where there is shade and a grassy bank.",
  "The weather forecast mentions light showers in the morning and clearer skies after midday.",
  "Please list the things every walker should carry, from water and snacks to a warm layer.",
  "It would help to know how to pace a mixed group so that nobody feels rushed or left behind.",
  "The town museum is preparing a small exhibition about the history of local canals and locks.",
  "Boats once carried coal, grain and timber along the canal before the railway arrived.",
  "Visitors enjoy the models of the lock gates and the photographs of the busy wharves.",
  "We need a clear and engaging introduction for the first panel that greets people at the door.",
  "The text should suit families with children as well as visitors who know the area well.",
  "A short timeline of the main events would make the story easier to follow for everyone.",
  "I have started learning the guitar and find it hard to switch between chords smoothly.",
  "My fingertips are sore after practice, and I would like to know whether that is normal.",
  "The songs I enjoy most are slow folk tunes with simple strumming patterns and gentle melodies.",
  "How long should a beginner practise each day to make steady progress without getting tired?",
  "I would like a weekly plan that mixes scales, chord changes and a few easy songs.",
  "Our office wants to reduce paper use and move more of the routine forms to shared documents.",
  "Some colleagues worry that the change will make it harder to find older records quickly.",
  "We are looking for a gentle way to introduce the new habits over the next few months.",
  "Clear folder names and a short guide for newcomers might make the transition much easier.",
  "Please summarise the main benefits in a way that a busy manager can read in a minute.",
  "The community choir is rehearsing for a winter concert in the town hall next season.",
  "The sopranos are confident, but the tenor section is small and sometimes hard to hear.",
  "We would like advice on warming up voices before a long rehearsal on a cold evening.",
  "The programme mixes traditional carols with a few newer pieces that the audience may not know.",
  "A few words about each song in the printed programme would help listeners enjoy the evening.",
  "I am writing a short story about a lighthouse keeper who looks after a lonely island station.",
  "The story takes place over one stormy night, when a small fishing boat is late coming home.",
  "I want the mood to feel calm and patient rather than frightening or overly dramatic.",
  "Could you suggest how to describe the sound of the sea without repeating the same words?",
  "The ending should be hopeful, with the boat returning safely as the sky grows lighter.",
  "Our school is planning a science fair, and the pupils are choosing their own projects.",
  "Popular ideas include growing beans under coloured light and testing which paper towel absorbs most water.",
  "Teachers want every project to include a question, a simple method and an honest conclusion.",
  "Parents will visit in the afternoon, so the displays should be easy to understand at a glance.",
  "Please suggest a fair way to judge projects that rewards curiosity as much as polish.",
  "I recently moved to a flat with a small balcony and would like to grow herbs in pots.",
  "Basil, parsley and mint are my favourites, but I have heard that mint spreads very quickly.",
  "The balcony faces east, so it gets the morning sun and stays shaded after lunch.",
  "How often should pots be watered in summer, and does the size of the pot matter much?",
  "I would also like to know which herbs can stay outside through a mild winter.",
];

/** A small linear congruential generator: deterministic, fast, good enough to pick sentences. */
function seededRandom(seed: number): () => number {
  let state = (seed * 2_654_435_761 + 1) % 2_147_483_648;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** The target prompt size in characters. */
export const PROMPT_CHARS = 1_000;

/** The prompt for request number `index`: sentences chosen by a seed, about PROMPT_CHARS long. */
export function benignPrompt(index: number): string {
  const random = seededRandom(index);
  const parts: string[] = [];
  let length = 0;
  // bounded: at most SENTENCES.length picks, each adds at least 80 characters
  for (let pick = 0; pick < SENTENCES.length && length < PROMPT_CHARS - 60; pick += 1) {
    const sentence = SENTENCES[Math.floor(random() * SENTENCES.length)] ?? "";
    parts.push(sentence);
    length += sentence.length + 1;
  }
  const text = parts.join(" ");
  if (text.length <= PROMPT_CHARS) return text;
  const cut = text.lastIndexOf(" ", PROMPT_CHARS);
  return `${text.slice(0, cut > 0 ? cut : PROMPT_CHARS).replace(/[,;]$/, "")}.`;
}

/** The JSON body of a chat completion request with the prompt for `index`. */
export function chatRequestBody(index: number, model: string, stream: boolean): string {
  return JSON.stringify({
    model,
    messages: [
      { role: "system", content: "You are a helpful assistant." },
      { role: "user", content: benignPrompt(index) },
    ],
    ...(stream ? { stream: true } : {}),
  });
}
