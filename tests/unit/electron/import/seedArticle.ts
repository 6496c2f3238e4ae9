/** Every structured field of the seed article, read off ../shared/samples/seed-article.txt. */
export const SEED = {
  headline: 'Facing TTP and Daesh Threats, Pakistan-Russia Deepen Counterterrorism Cooperation',
  dek: 'Pakistan and Russia vow to boost anti-terror cooperation amid rising threats from Afghanistan and regional militancy.',
  leadImageCredit: 'Image via MOFA Pakistan',
  dateline: 'ISLAMABAD',
  syndicationCredit: 'Sourced from Arab News',
  author: 'News Desk',
  bio: 'Your trusted source for insightful journalism. Stay informed with our compelling coverage of global affairs, business, technology, and more.',
  paragraphs: [
    'Senior officials from Pakistan and Russia on Tuesday agreed to strengthen cooperation in the face of evolving “terrorism” in Afghanistan and the region, Pakistan’s foreign ministry said in a statement.',
    'Pakistan and Russia have both struggled with threats from armed militant groups. Islamabad complains about increasing “cross-border” attacks by the banned Tehreek-e-Taliban Pakistan (TTP) that it says originate from Afghanistan, allegations denied by Kabul.',
    'Russia also faces threats from Daesh militants. On Mar. 22, 2024, a deadly attack at the Crocus City Hall concert venue near Moscow killed over 140 people and injured several. The attack, claimed by Daesh militants, was one of the deadliest in Russia in recent years.',
    'Both sides discussed counter-terror strategies during the 11th meeting of the Pakistan-Russia Joint Working Group to Counter International Terrorism in Moscow on Tuesday. Pakistan’s delegation was led by Special Secretary (United Nations) Nabeel Munir, while the Russian side was led by Deputy Foreign Minister, Sergey Vershinin, for talks that will go on till Wednesday.',
    '“The two sides held an in-depth exchange of views on the global and regional terrorism landscape, with particular attention to the evolving threat posed by terrorism in Afghanistan and the region,” Pakistan’s foreign affairs ministry said.',
    '“The discussions focused around the increasingly transnational nature of terrorism and the growing need for adaptive and cooperative strategies.”',
    'Also See: Russia Warns UN: ISIS May Have Access to U.S. Weapons in Afghanistan',
    'The meeting concluded with both sides reaffirming their resolve to strengthen cooperation amid shared challenges posed by militants. The two delegations also recognized that collective efforts remain essential to maintaining regional and global stability, the Pakistani foreign ministry said.',
    'Both sides decided to hold the working group’s next meeting in 2026.',
    'Pakistan and Russia held the last meeting of the working group on Nov. 16, 2023, during which Moscow and Islamabad discussed national strategies and measures in combating “terrorism.”',
    'The platform provides both sides an opportunity to share their experiences and best practices in battling militancy.',
  ],
  related: [
    {
      headline: 'Anonymous Sources, Big Claims, Thin Ground',
      teaser:
        'A recent Drop Site News report claims a covert UK–Pakistan exchange of convicted sex offenders for political dissidents. But a closer look shows the story rests on hearsay, anonymous insiders, and a narrative shaped more by partisan loyalties than evidence. From misrepresenting legally declared propagandists as persecuted critics to ignoring the legal impossibility of such a swap, this report illustrates how modern journalism can slip into activism. When sensational claims outrun facts and legality, credibility collapses, and so does the line between holding power accountable and manufacturing a story.',
    },
    {
      headline: 'Zabihullah Mujahid’s Bizarre Statement on TTP: A Lesson in Hypocrisy and Evasion',
      teaser:
        'Zabihullah Mujahid’s recent statement dismissing the TTP as Pakistan’s “internal issue” and claiming Pashto lacks the word “terrorist” is a glaring act of evasion. By downplaying a UN-listed militant group hosted on Afghan soil, the Taliban spokesperson attempts to deflect responsibility, despite overwhelming evidence of TTP sanctuaries, leadership, and operations in Afghanistan. His remarks reveal not linguistic nuance, but calculated hypocrisy and political convenience.',
    },
    {
      headline: 'Beyond the Rhetoric: What Muttaqi’s Address Reveals About Afghan Policy',
      teaser:
        'Interim Foreign Minister Amir Khan Muttaqi’s recent address sought to reframe Afghanistan’s strained ties with Pakistan through a narrative of victimhood and denial. From dismissing cross-border militancy to overstating economic resilience, his claims contradict on-ground realities and historical patterns. A closer examination reveals strategic deflection rather than accountability, with serious implications for regional peace and security.',
    },
    {
      headline: 'We Want Deliverance',
      teaser:
        'Political mobilization in South Asia is not rooted in policy or institutions but in a profound yearning for deliverance. From Modi’s civilizational aura in India to Imran Khan’s revolutionary moral narrative in Pakistan, voters seek not managers of the state but messianic figures who promise total transformation. This “Messiah Complex” fuels a cycle of charismatic rise, institutional erosion, and eventual democratic breakdown, a pattern embedded in the region’s political psychology and historical imagination.',
    },
  ],
};
