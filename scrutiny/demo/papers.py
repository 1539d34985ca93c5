"""The West Mercia demo's papers for the 19 September 2023 meeting, as data, and their loader.

Each paper follows the structure of the report in the real agenda pack (the seed): its section headings, its
paragraph numbering and its tables, with the figures, names and dates exact. The prose is our own summary of
the seed's reports, not a copy of them (a test guards against copied sentences). `<!-- pagebreak -->` lines
mark page breaks (the pack renderer honours them), placed so that each paper fills the pages the seed's printed
pack gives its item: items 6 to 10 take pages 11-24, 25-34, 35-42, 43-52 and 53-58, that is 14, 10, 8, 10 and 6
pages. Each stretch between two breaks fits one A4 page of the pack's print stylesheet (11pt, 20mm margins) with
room to spare (at most about 85% full), so a small difference in rendering does not push a paper onto more pages.
A break may open a body (the page of the recommendation and background ends there) or close it (the
implications and contact points then get a page of their own).

Numbered paragraphs are written `12\\. Text` so that Markdown keeps the seed's numbers (an ordered list would
renumber from 1 after each heading).
"""

from django.db import transaction

from scrutiny.documents.models import Paper
from scrutiny.documents.services import paper_create
from scrutiny.meetings.models import Meeting

PANEL_SLUG = "west-mercia"
MEETING_SLUG = "2023-09-19"

PCP_CONTACT = (
    "- **For the Police and Crime Panel:** Samantha Morris, Interim Democratic, Governance and Scrutiny Manager, "
    "Worcestershire County Council; telephone 01905 844963; email sjmorris@worcestershire.gov.uk\n"
    "- **For the Police and Crime Commissioner:** Gareth Boulton, Chief Executive of the Office of the Police and "
    "Crime Commissioner; email gareth.boulton@westmercia.pnn.police.uk"
)
NO_BACKGROUND_PAPERS = (
    "The proper officer, here the Assistant Director for Legal and Governance (Monitoring Officer), considers that "
    "no background papers relate to this report.\n\n"
    "Every agenda and set of minutes can be read on the Council's website."
)
PCC_AUTHOR = "Gareth Boulton, Chief Executive, Office of the Police and Crime Commissioner"
PAGEBREAK = "<!-- pagebreak -->"

ACTIVITY_BODY = f"""
## Delivery Plan and Assurance

3\\. Progress on each part of the Safer West Mercia Plan is tracked through a delivery plan, which the
Commissioner's monthly governance meetings examine.

4\\. The sections that follow give recent examples of work under each of the Plan's four objectives.

## West Mercia Police Chief Constable

5\\. Pippa Mills, the Chief Constable, is to leave West Mercia Police in October 2023 to take up the post of
Assistant Commissioner at the Metropolitan Police in London.

6\\. The Commissioner has advertised the post and hopes to appoint a permanent successor soon. Any appointment
will come to this Panel for confirmation in due course.

7\\. Until a new Chief Constable can start, Deputy Chief Constable Alex Murray will lead the force as Temporary
Chief Constable once Chief Constable Mills has gone, as the Commissioner has confirmed.

{PAGEBREAK}

## Putting Victims and Survivors First

### Domestic Abuse

8\\. West Mercia Women's Aid is commissioned by the Commissioner to run Inclusion Independent Domestic Violence
Advisors (IDVAs). Their job is to make groups who are under- or over-represented, and people with protected
characteristics, more aware of domestic abuse. They now work regularly with military families, Eastern European
organisations, foodbanks, Age UK, Action for Deafness, sight loss charities (whose research suggests that 1 in 12
people with sight loss experience domestic abuse) and specialist neurodivergent services. This helps to lower the
barriers that diverse communities face, to build understanding of abuse and to make services easier to reach. The
IDVAs also run drop-in clinics with partners in the more remote parts of West Mercia, which helps rural residents.

9\\. Hospital IDVAs, also provided by West Mercia Women's Aid, were badly affected by the pandemic and by the
limits on hospital access that followed. In Q1 2023-2024 overall referrals rose, to 76. The likely reason is that
the Hospital IDVAs are more visible and easier to reach now that they are back in every participating hospital on
2 days a week.

### Sexual Violence

10\\. Referrals to the Independent Sexual Violence Advisor (ISVA) services are steady, and many service users
still need support beyond the criminal justice process. Because of the court backlog few clients leave the
service, so each ISVA carries more cases. A snapshot shows the longest average wait for an ISVA is 11 days; while
they wait, clients are given information about the service and how to contact it. Team leaders fast-track cases
where an ISVA is needed at once, for example for an ABE interview or a court hearing.

11\\. Branch Plus (Adult Sexual Exploitation) helps adults who have been sexually exploited. Few people use it
so far, though the number is starting to grow. The Branch Plus worker plays a vital part: helping clients plan
for their safety and manage risk, supporting them to attend sexual health clinics, and giving advocacy,
information and help with court cases, the family court included.

12\\. For 2023/2024 West Mercia Rape and Sexual Abuse Support Centre (WMRSASC) and Axis received £427,063 to
provide counselling across West Mercia, but demand is greater than the capacity this buys. WMRSASC did not get all
the funding it had expected from the Ministry of Justice (MOJ) Rape Support Fund, which may mean less service in
communities. With partners in the Integrated Care System (ICS) and Public Health, the Commissioner is developing
a commissioning strategy so that victims of sexual violence get suitable mental health support in good time.

{PAGEBREAK}

### Victim Services

13\\. As the contract timetable requires, the Victim Support service will be reviewed in autumn 2023, drawing on
the Victim and Offender Needs Assessment that the Office of the Police and Crime Commissioner (OPCC) completed in
August 2023. In Q1 2023-24 the number of people referring themselves to the service went up by 18%; most of these
referrals concerned sexual offences.

14\\. In Q1 Victim Support took 36 people through Restorative Justice, and those taking part say their
experience of the criminal justice system has improved.

15\\. Victim Support is also funded for an Independent Modern Slavery and Human Trafficking Advocate (IMSA). In
the light of learning and feedback from partners the role has been reshaped around raising awareness, community
development and training, alongside direct support. The aim is more referrals, a smoother service and wider
knowledge of the help open to victims.

16\\. The Victims Advice Line (VAL) took 3,861 new referrals with identified needs in Q1 2023-24, which is 20.8%
of new crime cases. It sent 11,870 letters or emails to tell people about the services on offer. In Q1 1,428
people had their support needs met: the VAL met 641 of them itself and referred the other 787 to other agencies
for longer-term or specialist help. The VAL's performance was examined through the Assurance and Accountability
(A&A) process in June 2023, looking at its governance, the service it gives victims, and future public
communication and engagement.

### Prevention

17\\. DIVERT, the pre-arrest drug referral service the Commissioner commissions, has been commissioned
regionally until March 2025 together with Staffordshire, Warwickshire and West Midlands Police. West Mercia's share
is £22,320.52 in year 1 and £25,742.25 in the year after, £48,062.77 in all.

18\\. In West Mercia the service had 175 referrals in Quarter 1, 20 of them for people under 18. The most
referrals came from Worcestershire residents (33%), then Telford and Wrekin (18%), Herefordshire (16%) and
Shropshire (12%); 17% were for people living outside West Mercia. So far this year cannabis accounts for more than
three quarters of those assessed, with cocaine next at 14.71%. 115 people were assessed, and 96 of them joined a
groupwork programme.

19\\. The CLIMB Child and Young People (CYP) Diversionary Service, commissioned by the Commissioner, has been
given an extra £198,000 for a pilot year extending the service to children under 10 and to support for parents
and carers; total investment is now £869,762. The pilot, which follows an identified gap, will try out a
whole-family approach, and the service is being mobilised now. The money pays for 8 new roles: in each area a 0.5
Full Time Equivalent (FTE) worker for under-10s and a 0.5 FTE parental worker.

{PAGEBREAK}

20\\. CLIMB reports that its work with each young person takes longer than the original model, designed before
covid, allowed. In the original 12 weeks it is hard to achieve good outcomes: referring on to mental health
support or helping to stabilise education often cannot be done in that time alongside reducing risk and
mentoring. This will be looked at in a focused piece of work during the extension year.

## Building a More Secure West Mercia

### Improving Responses to Domestic Abuse

21\\. A Home Office bid for a low to medium risk perpetrator programme won £1.2 million, and the Commissioner's
budget also invests in DRIVE. Procurement has finished, and Cranstoun will deliver as prime agency across West
Mercia. The service is being mobilised and had a virtual launch event recently.

22\\. In Q1 the DRIVE programme in Worcestershire and Herefordshire took on 45 high risk perpetrators, linked to
47 victims and survivors and 81 children and young people. Among closed cases, high-risk physical abuse and
jealous, controlling and coercive behaviour fell by 89%, and high-risk sexual abuse, harassment and stalking fell
by 100%.

23\\. The Men and Masculinities domestic abuse perpetrator programme began this quarter, with 1 group in
Worcester, 2 in Hereford and one online. While procurement of the force-wide multi-risk programme was under way
Cranstoun could not take on new men, so the two Hereford groups were merged into one and a waiting list of 29
cases was opened. Men completing the programme are already showing good results, which matter greatly for them
and their families.

### Female Offenders – Reducing Reoffending, Out of Court Disposals (OCD)

24\\. In April Willowdene and police staff met often to build referral pathways and promote the service.
Willowdene's diversionary lead gave talks to front-line officers in local stations across the region. With the
police pathways team, reporting from referral through to completion has been set up, contacts agreed at every
key point and systems tested. It is working well, and the first referrals have been handled and recorded.

25\\. Referrals are few so far, but the OCD is making a real difference: it tackles what drives the offending and
spares the women concerned the effects a criminal conviction would bring.

{PAGEBREAK}

### Road Safety

26\\. With partners, the Commissioner has been drawing up a specification for a road safety needs assessment. It
will bring the data and gap analysis up to date and include a consultation to guide future commissioning; it is
due to be finished in autumn 2023.

27\\. The Commissioner's budget keeps up the commitment to tackling speeding in communities. The Road Safety Team's
extra 11.5 full-time staff and the mobile camera vans are now in place and in use. The Panel should receive an
update on what this investment has achieved before its next report.

### Regional Collaboration

28\\. In April the Commissioner went to a meeting of the Regional Governance Group (RGG) with the other three
West Midlands regional Police and Crime Commissioners and the Chief Constables. Several areas of joint working were
covered; the Commissioner wanted in particular to hear what the Regional Organised Crime Unit (ROCU) does for
people in West Mercia. The meeting also heard updates on the Regional Counter Terrorism Unit, the National Police
Air Service and the Emergency Services Network.

29\\. At that meeting the Commissioner joined a new partnership with the Police and Crime Commissioners for
Staffordshire and Warwickshire and with Staffordshire University to provide police training at degree level.

30\\. On behalf of the West Midlands Police and Crime Commissioners, the Commissioner has taken on a regional
portfolio for tackling serious and organised crime, and will speak for them at quarterly meetings of the
Association of Police and Crime Commissioners.

31\\. Commissioning for the Pre-Arrest Diversion Scheme found a provider: Cranstoun won the contract. Officers
from all four OPCCs helped to evaluate the bids and award it. The new regional contract started on 1 July 2023.

### Criminal Justice

32\\. A delivery plan and performance measures are being developed to show the impact of the Local Criminal
Justice Board, which the Commissioner chairs. They will go to partners at the Board's next meeting, on 7 September
2023, to help settle priorities and activity.

33\\. A task and finish group on the court backlog has been set up with partners and will first meet after the
summer holidays. It will bring partners together on an action plan to tackle the serious backlog and to improve
processes and outcomes for victims and witnesses. Its terms of reference have been written and shared with members
so that the work stays focused and moves forward.

{PAGEBREAK}

34\\. Criminal Justice System (CJS) performance in West Mercia has been stable since the Panel's last report:

- Magistrates' court conviction rate: 86% in West Mercia, against a national average of 84%.
- Crown Court conviction rate: 74%, lower than the 78% nationally. The Commissioner plans to raise the gap at the
  next Local Criminal Justice Board (LCJB).
- Witness attendance: 89%, still one of the best rates in the region. The Commissioner funded 2 more witness care
  officers in the Witness Care Unit, and attendance has risen steadily since.

### Serious Violence

35\\. To make sure the Serious Violence duty is put into effect well, the Commissioner has kept working with
Crest Advisory, which the Home Office (HO) contracted to deliver national implementation support, and with the
specified authorities through the Community Safety Partnerships. In July and August he held two Serious Violence
partnership events to help partners shape the Serious Violence strategy and needs assessment.

36\\. After discussion with partners, the Commissioner has used HO funding for a Serious Violence Partnership
Manager, Analyst and Administration Officer until 31 March 2025, and for a Serious Violence Partnership Analyst.
He has also agreed with partners that each Community Safety Partnership gets £126,699 of 2023/24 costs to
commission local work that prevents and reduces serious violence.

37\\. After a successful procurement the Commissioner has awarded The Children's Society (TCS) a grant of
£538,496.32 to run a Serious Violence CYP Diversionary Service across West Mercia as a pilot until March 2025. It
builds on earlier pilots and on lessons from the police-led 'Steer Clear' workshops and a 1:1 worker in Telford.
Every local authority area will get whole-family group programmes and tailored 1:1 support. Hoped-for outcomes
include less risk and offending, education, resilience, better relationships and positive diversionary activity.
Partners are now refining the panel framework and referral routes while TCS recruits staff, and there will be a
launch event once schools have settled into the new year.

38\\. The Commissioner has the first draft of the Serious Violence Needs Assessment (SVNA) he commissioned,
which involved wide consultation and engagement. It is being reviewed; one early finding is that some local
authorities did not provide the data asked for. The analysis may be revisited after a Serious Violence Data
Sharing Workshop in August, led by the new Serious Violence Partnership Manager, which aims to get the specified
authorities more engaged in sharing data.

{PAGEBREAK}

39\\. The draft SVNA fed into the June Assurance and Accountability meeting, which also looked at the Victim
Advice Line (VAL). As a result the Commissioner's office and the force have formed a joint working group. It will
use the final needs assessment to find where things can improve, to shape victim services across West Mercia and
to guide work under the Serious Violence duty.

## Reforming West Mercia

40\\. The Net Budget Requirement set by the Commissioner is £273.038m; with additional funding and reserves the
budget for the year totals £277.068m. A key investment is 40 extra officers for front-line policing. Thanks to the
force's firm grip on keeping officer numbers at target, 2 of the 5 Neighbourhood Crime Fighting Teams are at full
strength and the remaining 3 should be by the end of September. Together with the 10 Community Safety Engagement
officers promised, this sharpens the focus on what worries communities most, such as anti-social behaviour and the
harm done by illegal drugs.

41\\. While holding officer numbers at this record level, the force has also worked to make its workforce more
diverse and representative. More women and more people from ethnic minorities are being recruited, but more
remains to be done.

42\\. Digital transformation is the next biggest budget investment. The force is part-way through an ambitious
5-month programme giving every West Mercia employee new equipment built around Microsoft 365. Over 50% of staff
now have new laptops and have been trained in the software. In August the force expects to reach more than 1000
further employees, at 300 or more a week. Doing this while keeping operational policing going has been a big
logistical task; it opens the way to technology that makes policing more efficient, with operational and financial
benefits.

43\\. The Commissioner's budget also backed another technology investment: the Chief Constable's plan for a Contact
Resolution Centre (CRC), which is meant to make it easier for the public to reach the services they need. For the
CRC's launch the force brought in new and revised policies in April 2023, among them a fresh approach to grading
incidents and the Most Appropriate Agency (MAA) policy. These are central to the CRC, because they make sure demand
is graded and answered consistently and appropriately.

44\\. With these policies CRC officers can resolve matters properly and promptly without sending anyone, where
that is judged right. The change to incident grading has greatly altered how the force handles calls for service,
and is expected to matter more for the overall service than the MAA policy, which covers only 5% of telephony
demand.

{PAGEBREAK}

45\\. After go-live in April 2023 the force saw graded response volumes change sharply: Grade 1 deployments fell by
14% and Grade 2 deployments by 67%, while Grade 3 demand managed by the CRC grew by 54%. Victims should gain from
quicker resolution where nobody needs to attend, better evidence taken during the call, and more focus on high-harm
and priority crimes such as domestic abuse and burglary.

46\\. The force and the Commissioner's office are watching performance closely. The effect of the changes was
last discussed at the June 2023 Assurance and Accountability meeting, which looked at MAA. The Chief Constable
pointed to clear gains: fewer unresourced incidents in all 5 local policing areas, more capacity to reach relevant
incidents quickly, and better response times. Monitoring will go on.

47\\. Better use of technology supports the changes by giving quicker access on matters that used to wait for a
police visit. Rapid Video Response (RVR) uses video calls so that OCC staff can meet victims 'face to face'
remotely, often sooner than an officer could arrive.

48\\. Reform also means cutting the environmental impact of policing. The Commissioner has paid for new electric
charging points at Worcester Police station, which will show how the force can make good use of electric vehicles
and reduce the fleet's carbon footprint. This supports the work commissioned on rolling out charging and vehicles
across the whole force.

### Estates

49\\. West Mercia Police needs buildings that are fit for purpose and can support the new technology being
introduced, while finding savings and better, closer ways of working with partners. The Commissioner's estates work
has concentrated on meeting those needs. With estates brought in house, West Mercia Police and
Herefordshire & Worcestershire Fire & Rescue Service can both pursue their medium and long-term plans and their
estates and financial strategies.

50\\. Good progress continues on the major capital projects:

- **Redditch:** a new combined Police and Fire hub at the Middlehouse Lane site. The site has been remediated,
  building has started and the steel frame is going up. Completion is still expected in October 2024.
- **Hindlip HQ:** a new Firearms Range and Training School. Architects, a principal designer and planning
  consultants have been appointed, and many surveys of the site have been commissioned.

{PAGEBREAK}

51\\. The estates team will shortly commission a complete survey of the state of the Heating, Ventilation and
Aircon (HVAC) systems. Like the earlier building fabric surveys, the results will be used to improve long-term
planning and decisions.

52\\. The yearly planned programme of minor works and refurbishments is being delivered as usual.

### Financial Management

53\\. Work on the 2024/25 budget has started. The Commissioner has written to the Chief Constable setting out
his priorities for next year. The force has briefed budget holders, at a force-wide event and one to one, on what
is expected of them in preparing spending plans. As for the 2023/24 budget, the Commissioner meets the Chief
Constable every month so that it is clear how the force's budget reflects his priorities and the Police and Crime
Plan.

54\\. The review at the end of quarter 1 showed a small underspend so far this year, but forecast an overspend
of £2.379m by year end. It is early in the year and the forecast carries considerable risk, so no corrective action
is proposed now; monitoring continues through quarter 2 to understand what is driving costs and to firm up the
estimate for the year.

55\\. The Government accepted the independent public sector pay review recommendations and set a 7% pay award for
police officers from 1 September 2023. The Treasury also announced extra money for PCCs because the award is higher
than the figure assumed when the budget was set. The award, which is assumed to apply to police staff too, has not
worsened the Commissioner's budget position.

## Reassuring West Mercia

56\\. The Commissioner, the Deputy PCC and the Assistant PCC keep meeting communities: going to parish council
meetings and visiting community groups and organisations the Commissioner funds. From May to July there were 55
such engagements.

57\\. The Commissioner also tracks his reach on social media. From May to July 583 posts went out, more than
5,600 people engaged with them and 160 new followers joined. 15,107 people now get the Commissioner's news through
the Neighbourhood Matters system, and 1,903 receive his monthly newsletter. MPs are also sent a monthly newsletter
so they know what is happening in their constituencies.

58\\. From May to July 26 press releases and statements were issued, leading to 145 items of media coverage.
This keeps the Commissioner visible across West Mercia's communities, as part of his community leadership role, and
gives reassurance where it is needed.

{PAGEBREAK}

59\\. From May to July the Commissioner's office took on 522 new pieces of casework. Road safety and anti-social
behaviour (ASB) were the commonest themes, followed by contact with the police and local policing. The
Commissioner, Deputy PCC or Assistant PCC have visited places of concern to understand the problems and, where
needed, find solutions.

60\\. Circa 5,900 people visited the Commissioner's website between May and July. Minutes, decisions and other
information continue to be published there, and work goes on to reach and keep the required accessibility
standards.

61\\. The Commissioner's summer events programme has so far taken in four events. Alongside them run Community
Conversation events; the most recent looked at delays in getting a new or renewed firearms licence. More events, on
other themes too, are planned over the coming months.

## Performance and Accountability

### Assurance and Accountability Meetings

62\\. Wanting to keep improving, the Commissioner commissioned a full review of how he holds the force to
account in January 2023. It made over 15 recommendations to make the process more effective and efficient, centred
on real outcomes and better service for communities. The holding to account meetings are now called "Assurance and
Accountability" meetings.

63\\. The review also recommended firmer quarterly scrutiny of key performance, covering local and national
policing priorities (the budget metrics among them) and HMICFRS recommendations.

64\\. The quarterly performance report sets out the key performance indicators; there have been some marked
recent improvements, for example in total recorded crime and burglary detection.

65\\. An action plan tracked delivery of the recommendations. With help from the Chief Officer team, every action
was completed over the first 2 quarters of the year, including a thorough review of how the Commissioner runs
public A&A meetings.

66\\. The 2023/24 A&A timetable is on the Commissioner's website. Topics are chosen from performance monitoring,
horizon scanning for new issues and changes in the law, and local and national policing priorities. So far this
financial year there have been 3 formal meetings:

- 5 June 2023: performance meeting on Quarter 4 2022/23
- 29 June 2023: thematic meeting on Most Appropriate Agency (MAA) and the Victim Advice Line (VAL)
- 28 July 2023: public meeting on police visibility and contact

{PAGEBREAK}

67\\. Minutes of the performance and thematic meetings are on the Commissioner's website (Assurance and
Accountability Meetings page, westmercia-pcc.gov.uk). Main outcomes this quarter:

- With the force, the Commissioner has published a statement on how the force contributed to progress on the
  national policing priorities in Q4, meeting the Specified Information Order and making key performance more
  transparent.
- A joint working group with the force will look at the victims needs assessment the Commissioner commissioned and
  what it means for victim services across West Mercia.
- The Commissioner's office and the force are reviewing the Victim Advice Line so that governance, oversight and
  performance monitoring help victims cope and recover as well as possible.
- More assurance was given on MAA governance and safeguarding duties. This will guide continuing oversight,
  including the Commissioner's attendance at the force's MAA scrutiny panel in August and work with partners
  via the local Health and Wellbeing Boards during September.

68\\. The first public meeting in the new format, held in July 2023, was very well received: the public sent the
Commissioner over 140 questions. The session can be watched on the Commissioner's YouTube channel ("Public
Assurance and Accountability: Police Visibility and Contact"). Topics included foot patrols, police station
opening, crime investigation, dealings with officers and how long 101 calls take to answer.

69\\. The next formal meeting, on 31 August 2023, was a quarterly performance meeting covering:

- police and crime priorities, in particular public confidence, 101 call handling, compliance with the victims'
  code and road safety;
- national policing priorities, in particular homicide, serious violence, drugs, neighbourhood crime, satisfaction
  and cybercrime;
- the national HMICFRS inspection of vetting, misconduct and misogyny in the police.

70\\. A&A also has an ad-hoc, virtual strand, so the Commissioner can raise matters that do not fit a thematic
meeting or that need a quicker answer. He emails the request to the Chief Constable, who replies in writing. Since
the last report to the Panel he has raised:

- crime and public confidence in Pershore;
- the Herefordshire Council Families Commission report, 'Listening to the Families';
- the MAA policy and its effect on safeguarding;
- abstractions from Safer Neighbourhood Teams (SNT).

{PAGEBREAK}

71\\. The answers feed into continuing scrutiny and assurance. In Pershore, for instance, the ad-hoc request led
to a great deal of work on residents' concerns: the Commissioner commissioned a survey of Pershore residents, and a
second public meeting is arranged for November.

### West Mercia Perception Survey

72\\. The main findings of the West Mercia perception survey for Quarter 1 2023/24 were:

- 82% of residents had confidence in West Mercia Police, and about the same share (80%) were confident the force
  would give them a good service; both are in line with the previous period.
- 74% agreed the force understood the issues affecting their community, in line with the previous quarter (72%).
- 88% were confident they could reach the police in an emergency and 70% in a non-emergency, unchanged from the
  previous quarter.
- 18% see an officer or PCSO at least weekly, in line with the previous period. More than half are satisfied with
  the level of policing where they live, which is stable.

### Force Performance Reports

73\\. The Commissioner examines a weekly performance dashboard and monthly and quarterly summary reports. The Q1
2023/24 performance report is on his website: [Police Quarterly Performance Reports](https://www.westmercia-pcc.gov
.uk/police-quarterly-performance-reports-west-mercia-police-crime-commissioner).

74\\. Areas of performance to note:

- **Outcomes:** more action is being taken against offenders in West Mercia, and cases where the victim does not
  support prosecution are trending down. The force now compares better with its most similar forces (MSG), though
  it is still above average.
- **Response times:** steady for Grade 1 incidents, but mostly short of the force's target. Since the review of
  incident grading, Grade 2 response times have improved markedly.
- **Victim satisfaction:** the way it is measured has changed. 'Satisfied' now covers completely, very and fairly
  satisfied (before, only completely or very satisfied counted); this was discussed at the June performance A&A.
  On the new basis the force meets its targets for burglary, violent and hate crime, and is just below target for
  domestic abuse.
- **Call handling:** both 999 and 101 performance fell noticeably in Q1, for several reasons affecting the call
  centre, including far more 999 calls in June 2023: demand was up 38% on June 2022.

{PAGEBREAK}

75\\. These trends help set the agendas of the quarterly performance A&A meetings, and prompt ad-hoc A&A requests
when a performance problem is urgent.

### HMICFRS Inspection Reports

76\\. Three national inspection reports have come out from His Majesty's Inspectorate of Constabulary and Fire &
Rescue Services (HMICFRS) since the Panel last met; West Mercia Police was not among the forces inspected for any
of them. They were:

- July 2023: how effective police forces are in deploying firearms;
- July 2023: Police Performance: Getting a Grip (PEEL spotlight report);
- August 2023: the police contribution to preventing homicide.

77\\. All three have been reviewed, and the force has updated the Commissioner on every new recommendation they
make. He will use the updates to write a formal response to the 3 reports, to be published on his website in Quarter 3
and, as the law requires, sent to the Home Secretary.

78\\. Since the January review of holding to account, oversight of the force's work on HMICFRS recommendations has
been part of the 2023/24 A&A programme. From June each quarterly performance A&A meeting includes an update from the
Chief Constable on the main HMICFRS reports.

79\\. The June 2023 performance meeting examined the force's progress on the PEEL inspection's outstanding cause
of concern, recommendations and areas for improvement (AFIs). Over the last 12 months the force has kept auditing
and reviewing its progress against the PEEL findings. On that basis the Chief Constable was confident of clear
progress in key areas such as the quality of investigations and supervisory updates, giving victims a better
service overall. Many recommendations have been put to the inspectorate for sign-off, among them AFIs on the use and
enforcement of domestic violence protection notices and orders.

80\\. As noted above, the August performance meeting will include the Chief Constable's report on progress
against national and local AFIs on misconduct, misogyny and vetting.

{PAGEBREAK}

81\\. Alongside the formal A&A meetings, the Commissioner's Policy team meets regularly with the force's HMICFRS
liaison officer and the HMICFRS regional lead, so the Commissioner knows what inspection work and reports are
coming.
"""

ACTIVITY = {
    "title": "Police & Crime Plan Activity and Performance Monitoring Report",
    "author": PCC_AUTHOR,
    "contact_points": PCP_CONTACT,
    "recommendation": "1\\. The Panel is asked to consider this report.",
    "summary": "",
    "background": (
        "2\\. This report gives members of the Police and Crime Panel (PCP) a picture of what the Police and Crime "
        "Commissioner (PCC) has been doing to deliver his Safer West Mercia Plan, together with an update on how "
        "the police are performing."
    ),
    "body": ACTIVITY_BODY,
    "risk_implications": "None.",
    "financial_implications": "None.",
    "legal_implications": "None.",
    "equality_implications": "None.",
    "supporting_information": "None.",
    "background_papers": NO_BACKGROUND_PAPERS,
}
QPR = "Quarterly Performance report"
QMM = "Q1 Money Matters"
VICTIMS = "Putting Victims and survivors first"
SECURE = "Building a more secure West Mercia"
REASSURING = "Reassuring West Mercia's Communities"
REFORMING = "Reforming West Mercia"

# Table 1 of the budget metrics report: (printed page of the table, plan objective, improvement area, KPI, data
# source, Q1 23/24 update). Every row names its objective and area; the seed merges those cells, and so the
# table prints each only where it changes. The update is our summary of the seed's cell, with its figures.
TABLE1 = [
    (
        1,
        VICTIMS,
        "Victim satisfaction",
        "% of victims satisfied with service",
        QPR,
        "By the end of Q1 the force met its victim satisfaction targets for burglary, hate and violent crime; "
        "domestic abuse was just under target. A recent change in how the force reports these figures has had a "
        "marked effect on them; see the Commissioner's performance and activity report and the force's quarterly "
        "performance report.",
    ),
    (
        1,
        SECURE,
        "Total Recorded Crime (TRC)",
        "Volume of Total Recorded Crime",
        QPR,
        "TRC volume fell 9% overall in Q1 against the same period a year earlier, with falls in most types of crime.",
    ),
    (
        1,
        SECURE,
        "Total Recorded Crime (TRC)",
        "TRC - % outcome 1 & 1A",
        QPR,
        "Action was taken against 10% of all total recorded crime in Q1 23/24.",
    ),
    (
        2,
        SECURE,
        "Violent Crime",
        "Volume of violence with injury",
        QPR,
        "Offences of violence with injury were down 3% in Q1 on the same period last year.",
    ),
    (
        2,
        SECURE,
        "Violent Crime",
        "Violence with injury - % outcome 1& 1A",
        QPR,
        "Action was taken against 12% of violence with injury offences in Q1 23/24.",
    ),
    (
        2,
        SECURE,
        "Rape",
        "Volume of rape offences",
        QPR,
        "Across West Mercia rape offences were down 10% in Q1 on the same period last year.",
    ),
    (2, SECURE, "Rape", "Rape - % outcome 1& 1A", QPR, "Action was taken against 11% of rape offences in Q1 23/24."),
    (
        2,
        SECURE,
        "Robbery",
        "Volume of robbery offences",
        QPR,
        "Robbery fell 10% overall in Q1 on the same period last year, after a rise at the end of 22/23.",
    ),
    (
        2,
        SECURE,
        "Robbery",
        "Robbery - % outcome 1 & 1A",
        QPR,
        "The Q1 report shows action taken on 8% of robbery offences this quarter.",
    ),
    (
        3,
        SECURE,
        "Residential burglary",
        "Residential burglary",
        QPR,
        "Little change: residential burglary was up a small 1% in Q1 on last year.",
    ),
    (
        3,
        SECURE,
        "Residential burglary",
        "Residential burglary - % outcome 1 & 1A",
        QPR,
        "The Q1 report shows action taken on 6% of residential burglaries this quarter.",
    ),
    (
        3,
        SECURE,
        "Vehicle Crime",
        "Volume of vehicle crime",
        QPR,
        "Vehicle offences across West Mercia were 7% lower in Q1 than in Q1 22/23.",
    ),
    (
        3,
        SECURE,
        "Vehicle Crime",
        "Vehicle crime - % outcome 1 & 1A",
        QPR,
        "The Q1 report shows action taken on 3% of vehicle offences this quarter.",
    ),
    (
        4,
        SECURE,
        "Domestic Abuse",
        "Volume of domestic abuse",
        QPR,
        "Domestic abuse crimes in Q1 23/24 were 7% lower than the year before.",
    ),
    (
        4,
        SECURE,
        "Domestic Abuse",
        "Domestic Abuse - % outcome 1 & 1A",
        QPR,
        "The Q1 report shows action taken on 9% of domestic abuse offences this quarter.",
    ),
    (
        4,
        REASSURING,
        "Call Handling",
        "% of 999 calls answered within 10 seconds",
        QPR,
        "In June 23, 76% of 999 calls were answered inside the 10 second target, well below June last year (90%). "
        "Call demand was 38% higher than in June last year.",
    ),
    (
        4,
        REASSURING,
        "Call Handling",
        "% of 101 calls answered within 30 seconds",
        QPR,
        "In June 23, 38% of 101 calls were answered inside 30 seconds, down on June last year (59%). 101 demand was "
        "8% higher than in June last year.",
    ),
    (
        5,
        REASSURING,
        "Public Confidence",
        "Overall Confidence - % of respondents that agree or strongly agree they have confidence in local policing",
        QPR,
        "Over the 12 months ending June 23, 82% of survey respondents agreed or strongly agreed that they have "
        "confidence in West Mercia Police, much the same as the previous quarter.",
    ),
    (
        5,
        REASSURING,
        "Public Confidence",
        "Visibility - % of respondents that report seeing a police officer or Police Community Support Officer "
        "(PCSO) at least weekly",
        "Public Confidence and Perceptions Survey",
        "Over the 12 months ending June 23, 18% of residents said they see a police officer or PCSO at least weekly, "
        "slightly down on 20% in the previous quarter.",
    ),
    (
        5,
        REFORMING,
        "Emergency Response times",
        "Median Grade 1 response time",
        QPR,
        "The median Grade 1 response time in June 23 was 13 minutes, much the same as in June 22.",
    ),
    (
        5,
        REFORMING,
        "Emergency Response times",
        "Median Grade 2 response time",
        QPR,
        "The median Grade 2 response time in June 23 was 35 minutes, a big improvement on June 22 (over 1 hour).",
    ),
    (
        6,
        REFORMING,
        "Finance",
        "Financial Outturn is within the agreed Budget.",
        QMM,
        "The January 2023 budget report approved a 2023/24 budget of £277.068m. A change to the Collection Fund "
        "surplus notified in March, and more funding from reserves, give a revised budget of £277.016m.<br><br>"
        "To the end of June 2023 net operational expenditure was £78.954m against a profiled budget of £80.328m: "
        "a £1.373m underspend so far this year.<br><br>"
        "Assuming a 7% pay settlement for all staff and allocating the extra Treasury funding, the full-year "
        "forecast is an overspend of £2.379m.<br><br>"
        "The report stresses how much estimation lies behind this forecast while spending is currently below "
        "budget. It did not recommend further action to cut spending yet; monitoring through Quarter 2 will give a "
        "firmer view of spending.",
    ),
    (
        7,
        REFORMING,
        "Finance",
        "Savings plan is delivered (as part of achieving financial outturn)",
        QMM,
        "Of the £12.092m savings target, £6.682m was profiled to be achieved by the end of Q1. £5.528m has actually "
        "been saved; most of the £1.154m shortfall is in Digital Services and Change, because of the Digital "
        "Services Transformation programme.<br><br>"
        "Although behind profile, 33% of savings were in place in the first quarter and another 47% are on track for "
        "the year. 7% have been judged unachievable; 4% have been replaced by other savings, and more are being "
        "sought to cover the rest.<br><br>"
        "The loan interest saving is forecast to be beaten by £0.222m, which helps offset some of the savings "
        "expected to be unachievable.",
    ),
    (
        7,
        REFORMING,
        "Finance",
        "Unqualified annual VFM conclusion is received from the External Auditors",
        "",
        "Comes with the audit of the statement of accounts, expected in January 24.",
    ),
    (
        7,
        REFORMING,
        "Environment",
        "Reducing the carbon footprint associated with policing.",
        "",
        "Will be added to the Quarterly Report once the force has developed a meaningful indicator.",
    ),
]
TABLE1_HEAD = (
    "| Safer West Mercia Plan | Improvement Areas | Key Performance Indicators | Data Source | Q1 23/24 Update |\n"
    "|---|---|---|---|---|\n"
)


def _table1_pages() -> str:
    """Table 1 as Markdown, one table per printed page; a merged cell of the seed prints once, then blank."""
    pages = []
    previous = (None, None)
    for page in sorted({row[0] for row in TABLE1}):
        lines = []
        for _, objective, area, kpi, source, update in (row for row in TABLE1 if row[0] == page):
            shown_objective = "" if objective == previous[0] else objective
            shown_area = "" if (objective, area) == previous else area
            lines.append(f"| {shown_objective} | {shown_area} | {kpi} | {source} | {update} |")
            previous = (objective, area)
        title = "" if page == 1 else "### Table 1 (continued)\n\n"
        pages.append(title + TABLE1_HEAD + "\n".join(lines) + "\n")
    return f"\n\n{PAGEBREAK}\n\n".join(pages)


METRICS_BODY = (
    f"""
## 2023/24 Key Performance Indicators

3\\. Table 1 lists the KPIs for the 2023/24 budget; they also appeared in the Budget Report on the Commissioner's
website. The Commissioner and the Chief Constable have committed themselves to keep improving against them.

4\\. The metrics concentrate on the crimes that hurt communities most: conventional police and crime measures,
neighbourhood crime, serious violence, domestic abuse, and what the criminal justice system achieves for victims.
Others measure how soundly the money is managed.

5\\. They are also linked to the priorities of the local Safer West Mercia Plan and of the national Beating Crime
Plan, on which the force has to show improvement.

6\\. The Quarterly Performance Report holds the complete performance data and further context. The Q1 2023/24
report is on the Commissioner's website: [Police Quarterly Performance
Reports](https://www.westmercia-pcc.gov.uk/pcc-quarterly-performance-reports).

7\\. The force's Quarterly Performance Report measures detections as an 'action taken' outcome rate, which adds
together these positive outcome codes:

- Charge and or Summons
- Caution - youths
- Caution - adults
- Taken into consideration (TIC)
- Penalty Notice for Disorder
- Cannabis warning
- Community Resolution

{PAGEBREAK}

8\\. The agreed budget KPIs ask for individual outcome codes, but the Quarterly Performance Report does not yet
split performance that way; in particular it gives no separate OC1/1A charge/summons rate. The force was told of this
departure from the agreed metric last quarter, and the Commissioner's office is still working with it so that later
reports carry Outcome 1/1A figures as agreed when the metrics were set. Until then, the outcome figures in Table 1 are
for all 'action taken' outcomes.

### Table 1. 2023/24 Budget KPIs

"""
    + _table1_pages()
    + f"""

{PAGEBREAK}

## Assurance and Accountability

8\\. The quarterly performance Assurance and Accountability (A&A) meeting was held on 31 August 2023. Its
agenda looked at performance on:

- Public Confidence (a budget metric and a Safer West Mercia Plan metric)
- Non-emergency contact (a budget metric and a Safer West Mercia Plan metric)
- Compliance with the Code of Practice for Victims of Crime (VCOP) (a Safer West Mercia Plan metric)
- Road safety: people Killed and Seriously Injured (a Safer West Mercia Plan metric)
- any other areas of performance the Chief Constable chooses.

9\\. The Chief Constable will also report on the national policing priorities in the Government's Beating Crime
Plan, and on progress with key HMICFRS areas for improvement (AFIs) and recommendations.

10\\. The Commissioner's Performance Report gives more detail on the A&A process.

{PAGEBREAK}
"""
)

METRICS = {
    "title": "2023/24 Annual Budget Metrics Report",
    "author": PCC_AUTHOR,
    "contact_points": (
        "- Worcestershire County Council: 01905 763763\n"
        "- Worcestershire Hub: 01905 765765\n"
        "- For this report: Gareth Boulton, Chief Executive of the Office of the Police and Crime Commissioner"
    ),
    "recommendation": "1\\. The Panel is asked to consider this report.",
    "summary": "",
    "background": (
        "2\\. This report gives members of the Police and Crime Panel an overview of the key performance "
        "indicators (KPIs) that the Police and Crime Commissioner (PCC) and the Chief Constable agreed when the "
        "2023/24 budget was set."
    ),
    "body": METRICS_BODY,
    "risk_implications": "None.",
    "financial_implications": "None.",
    "legal_implications": "None.",
    "equality_implications": "None.",
    "supporting_information": "None.",
    "background_papers": "",
}
ESTATES_BODY = f"""
{PAGEBREAK}

## Governance

5\\. The Estates service is now a settled part of the Office of the Police and Crime Commissioner (OPCC). It
works for West Mercia Police and for Hereford & Worcester Fire and Rescue Service (HWFRS).

6\\. The OPCC Chief Executive runs the service day to day. Formal oversight comes from a new Estates Governance
Board, which gives the work rigour, openness and co-ordination. The Deputy PCC chairs it, and West Mercia Police
Chief Officers, the OPCC's statutory officers and senior HWFRS leaders usually attend.

7\\. Inside the force, the Estates Forum is where estates matters particular to West Mercia Police are raised and
discussed, and it reports on to the OPCC and the Estates Governance Board as needed. In this way the force's
operational needs are set out and agreed, and work on the estate meets them.

## Major Capital Projects

8\\. Two major capital projects continue on the estate in 2023/24, each a large investment in the estate and in
key public services: the planned firearms training facility, and Redditch's new police and fire station.

9\\. The Commissioner has backed a £16.74m investment in a new firearms training unit (FTU) for West Mercia
Police that is fit for purpose, so that communities still get the right response when specialist armed officers
are needed. The present facilities no longer meet national standards, and every option was examined before the
Commissioner approved the scheme.

{PAGEBREAK}

10\\. The project is moving quickly in 2023/24. Over £1m has been spent on it so far, and contractors are in place
for the current stage. The plan is to apply for planning permission for the FTU before the calendar year ends.

11\\. The new police and fire station in Redditch is also progressing quickly.

12\\. Several problems with the new site have been overcome; building is well advanced and on course to finish on
time and within budget.

13\\. When complete the project will be an investment of circa £20m. It will give the emergency services a base
fit for their work in the heart of the community for decades to come, and will be more sustainable, both
environmentally and economically.

14\\. West Mercia Police is still on course to leave the present Redditch police station on time. Local officers
and staff will have to move temporarily until the new station is ready. A suitable town-centre site has been found
and is being adapted for the force over the coming weeks.

## Planned Projects 2023/24

15\\. Close to 100 projects are budgeted and timetabled in the 2023/24 planned programme for the police estate.
That is much more than in earlier years, because of the extra money going into making the estate fit for purpose
and able to support key services.

16\\. The projects run from small window replacements to large internal refurbishments and are spread fairly
evenly across the force area. Every project serves part of the Estates Strategy, for example:

- complying with laws and regulations
- security
- keeping the estate fit for purpose
- best value for money
- better sustainability
- a more flexible and connected estate
- getting the most out of the police estate.

{PAGEBREAK}

17\\. Much of the planned programme is at the Hindlip police headquarters. Most of it is needed modernisation, so
that the force has more flexible workspaces, can adopt new ways of working and can place functions near each other
where that helps.

18\\. The draft South Worcestershire Development Plan is a serious risk to the Hindlip Masterplan, to the
Estates Strategy and to Hindlip's long-term future as police headquarters. It proposes ending Hindlip Park's status
as a "major developed site" in the green belt. If that were approved it would put in doubt not only the site but
the nationally important emergency services run from it. The Commissioner is taking an active part in the process,
and efforts to keep the status continue.

19\\. In 2022/23 the estates team commissioned a full survey of the condition of the building fabric across the
estate, to find out how sound and compliant its sites and buildings are. With that data, planning and decisions can
be better informed. It has already shaped the categories of work and the priorities for the 2023/24 planned
infrastructure and improvement programmes, and it will be used to build a 5-year planned programme. Similar surveys
of heating, ventilation and air conditioning systems will be commissioned soon.

## Finance

20\\. The Commissioner has kept putting substantial resources into the estate and the Estates service, above all
since the service came back into the OPCC, because investment and improvement are needed. The table sets out the
investment.

| | 22/23 (£) | 23/24 (£) |
|---|---:|---:|
| Total Estates Budget | 9,800,880 | 12,958,859 |
| Planned Programme Budget - Revenue | 829,585 | 1,062,921 |
| Capital Budget | | |
| – Masterplan | 7,496,000 | 8,940,000 |
| – Planned Programme Capital | 800,000 | 1,596,000 |
| – Local Policing Estates Transformation | 418,000 | 1,491,000 |

{PAGEBREAK}

21\\. The wider economy still bears heavily on the Estates function: construction inflation, utility costs and
interest rates among other things. In these conditions it matters even more that public money is used effectively
and efficiently, as the Estates Strategy requires, and both the OPCC and West Mercia Police keep looking for other
solutions, greater efficiency and better outcomes.

## Efficiency and Commercial Advantage

22\\. At the heart of the Estates Strategy is commercial advantage: getting the best value for money so that as
much as possible can be invested in key services and infrastructure. Over the last year the aim has been to raise
extra income and to keep costs down wherever possible.

23\\. In the last year a number of "invest to save" schemes have been backed, where a short-term outlay brings
large revenue savings in the longer term. One is the switch to low energy LED lighting at divisional headquarters,
which should pay for itself within two years (helped by high energy prices), then go on saving money every year and
shrink West Mercia's energy footprint.

24\\. As West Mercia's vehicle fleet moves to electric, money has also gone into charging points, again to recover
the cost by relying less on petrol and diesel vehicles and to cut carbon emissions. A pilot is running in Worcester,
and the charging infrastructure as a whole is being reviewed.

25\\. Reviewing contracts and managing them more closely is producing large savings. Better contracting and
procurement this year, for instance, took more than £100,000 off West Mercia's waste management contract. Altogether,
better management of estate contracts is expected to save more than £330,000 a year.

26\\. On behalf of its emergency service partners, West Mercia's Estates team is working at senior levels of
central government and with the House of Lords for changes to the law on section 106 contributions from housing
developers. With partners, the service is trying to open up income for policing and other blue light services, and
the government has so far responded well.

{PAGEBREAK}

27\\. A rationalisation programme has been drawn up and is being put in place to raise revenue and cut yearly
costs. It concentrates on non-operational buildings and plots of land in the estate that either bring high costs and
risk or have little or no strategic value. Selling these unused or unneeded parts of the estate is expected to raise
significant capital receipts over the next few years.

28\\. The rationalisation goes hand in hand with modernising the police estate, reflecting new ways of working and
more flexible workspaces.

## Co-Location

29\\. Sharing premises with local partners serves central aims of the Estates Strategy: keeping the police visible
and accessible, giving the best service possible, and being efficient and good value for the public.

30\\. The Commissioner has made clear, and still holds, that an operational police station may be sold only if a
suitable alternative exists in the same community. When the Tenbury Wells station was sold recently, for example,
West Mercia Police moved in with Hereford and Worcester Fire and Rescue Service (HWFRS) close by.

31\\. Joint working with HWFRS is wide-ranging. Premises are shared in Bromsgrove, Redditch, Leominster,
Peterchurch and at the Wyre Forest Hub, and the two share a headquarters at Hindlip Park, all to improve public
services and efficiency.

32\\. Co-location with Shropshire Fire and Rescue Service (SFRS) has gone less far. The OPCC and SFRS began talks in
recent months, and their teams are now working constructively on what might be possible.

33\\. The Commissioner is also talking to other partners about sharing premises. At Pontesbury, for example, the
Safer Neighbourhood Team now works from the Pavilion community hub, and there are similar arrangements with
community partners in places such as Bridgnorth, Wem and Whitchurch. Co-location in Newport is being explored at an
early stage.

{PAGEBREAK}

## Compliance and Regulations

34\\. West Mercia's health and safety policies for the police estate have just been fully reviewed and
finalised.

35\\. New proactive inspection and testing regimes have been designed and brought in to uphold health and safety
standards and meet statutory requirements.

36\\. Every Estates Governance Board receives a compliance report along with other performance measures. At
present the Estates Service fixes 85% of reactive jobs first time.

37\\. This is further real progress on an estate where, in the past, compliance and testing were patchy.

## Fit for Purpose

38\\. A core principle of the Estates Strategy is an estate that is fit for purpose.

39\\. As reported before, the estate clearly went without investment and strategic management for many years.
With the estate now managed far more proactively, the scale of that problem is still emerging.

40\\. Much more has been invested in the estates function and its infrastructure in recent years. After power
failures in recent years, for example, a great deal of work and money has gone into making West Mercia's
infrastructure more resilient: more cooling, better alerts, better testing and closer co-operation between the
functions involved. Even so, some of West Mercia's estates infrastructure has not been fit for purpose for some time,
and this will go on bringing challenges and risk, though much less than before.

41\\. Real progress has been made and deserves recognition. Still, there is at present more work needed on the
estate than there is resource to do it. Modernising the estate and making it wholly fit for purpose will take many
years, as was understood when the Estates Strategy was written.

42\\. The divisional headquarters at Shrewsbury, for instance, would clearly need a multi-million-pound investment
to make it fit for purpose, and Telford's Malinsgate divisional headquarters will need major investment in the
medium term. The OPCC and West Mercia Police are appraising options for the northern estate, weighing operational
needs against affordability and best value for the public.

{PAGEBREAK}

43\\. These and similar questions will have to be considered as the Estates Strategy is delivered, so that its
objectives are met promptly, effectively and efficiently alongside the other priorities of the Safer West Mercia
Plan.
"""

ESTATES = {
    "title": "Estates Strategy Progress Report",
    "author": PCC_AUTHOR,
    "contact_points": PCP_CONTACT,
    "recommendation": "1\\. The Panel is asked to consider this report.",
    "summary": "",
    "background": (
        "2\\. The Commissioner's Estates Strategy was drawn up in 2022 after consulting West Mercia Police, the "
        "public and other partners. It sets out what the police estate should achieve over the medium term and the "
        "principles for getting there.\n\n"
        "3\\. The strategy is meant to support every part of the Commissioner's Safer West Mercia Plan, including:\n\n"
        "- reassuring communities, and building their confidence, that the police are visible and easy to reach;\n"
        "- police buildings that are fit for what they are used for: safe and welcoming for victims and witnesses "
        "and, where needed, safe and secure for people held in police custody;\n"
        "- supporting reform in policing and making it more effective and efficient for the public;\n"
        "- supporting the health and wellbeing of police officers, staff and volunteers.\n\n"
        "4\\. West Mercia's police estate is made up of approximately 100 buildings and sites. For many years it "
        "lacked strategic management and enough investment, so a great deal of work has been, and still is, needed "
        "to make it work effectively and efficiently for the police and give the public best value. In recent years "
        "much more money has gone in and the estate has been managed far more actively. Estates performance has "
        "improved noticeably as a result, though more remains to be done."
    ),
    "body": ESTATES_BODY,
    "risk_implications": "None.",
    "financial_implications": "None.",
    "legal_implications": "None.",
    "equality_implications": "None.",
    "supporting_information": "None.",
    "background_papers": NO_BACKGROUND_PAPERS,
}
COUNT_HEAD = (
    "| Ethnic Group | Police Officer | Police Officer Total | PCSO | Police Staff | Police Staff Total | Special "
    "| Special Total | Grand Total |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
)
# April of each year: (BAME, Not Stated, White, Grand Total) rows as
# (police officer, PCSO, police staff, special); the totals columns are derived and checked by the tests.
WORKFORCE_COUNTS = {
    "April 2023": {
        "BAME": (82, 6, 66, 2),
        "Not Stated": (30, 3, 79, 1),
        "White": (2372, 185, 1742, 66),
        "Grand Total": (2484, 194, 1887, 69),
    },
    "April 2022": {
        "BAME": (73, 4, 58, 2),
        "Not Stated": (24, 4, 90, 2),
        "White": (2257, 201, 1751, 77),
        "Grand Total": (2354, 209, 1899, 81),
    },
    "April 2021": {
        "BAME": (66, 6, 49, 2),
        "Not Stated": (21, 3, 89, 5),
        "White": (2200, 202, 1681, 110),
        "Grand Total": (2287, 211, 1819, 117),
    },
    "April 2020": {
        "BAME": (52, 6, 51, 1),
        "Not Stated": (15, 3, 85, 5),
        "White": (2147, 219, 1679, 99),
        "Grand Total": (2214, 228, 1815, 105),
    },
}


def _count_table(month: str) -> str:
    rows = []
    for group, (officer, pcso, staff, special) in WORKFORCE_COUNTS[month].items():
        cells = [officer, officer, pcso, staff, pcso + staff, special, special, officer + pcso + staff + special]
        label = f"**{group}**" if group == "Grand Total" else group
        rows.append("| " + " | ".join([label, *(str(c) for c in cells)]) + " |")
    return f"### {month}\n\n" + COUNT_HEAD + "\n".join(rows) + "\n"


BAME_PERCENT_TABLE = """| | 2020/21 | 2021/22 | 2022/23 | 2023/24 |
|---|---:|---:|---:|---:|
| % BAME police officer | 2.35% | 2.86% | 3.10% | 3.30% |
| % BAME police staff (inc. PCSO) | 2.79% | 2.71% | 2.94% | 3.46% |
| % BAME specials | 0.95% | 1.17% | 2.47% | 2.90% |
| % BAME total | 2.52% | 2.77% | 3.02% | 3.37% |
"""

DEI_BODY = f"""
## Introduction

1\\. Diversity, Equality and Inclusion (DEI) runs through the Commissioner's Safer West Mercia Plan, which makes
DEI commitments under two of its priorities: 'Putting victims and survivors first' and 'Reassuring West Mercia's
Communities'.

2\\. The Police & Crime Commissioner (PCC) has an important part to play in advancing Diversity, Equality and
Inclusion (DE&I) in West Mercia. Besides his statutory duties, his particular standing with the public and his
power to bring organisations together make him well placed to champion cultural change and push it forward.

3\\. The Safer West Mercia Plan 2021-2025 sets out the Commissioner's commitment to DEI, including a pledge to
publish equality objectives as the Equality Act 2010 (Specific Duties and Public Authorities) Regulations 2017
require.

## Equality Act Requirements

4\\. Among the Commissioner's statutory DEI duties is to prepare and publish equality objectives, directed at
these three aims:

- ending discrimination, harassment, victimisation and any other conduct the Equality Act prohibits;
- advancing equality of opportunity between people who share a relevant protected characteristic and people who
  do not;
- fostering good relations between people who share a relevant protected characteristic and people who do not.

{PAGEBREAK}

5\\. The Commissioner's equality objectives for 2021-2025 are set out in Figure 1. They take account of national
and local DEI strategies and of the views of staff in the Office of the Police & Crime Commissioner (OPCC).

6\\. Progress against the objectives is measured, and the Commissioner monitors it regularly. As the law requires,
the objectives will be looked at again and updated at least once every 4 years.

7\\. The Commissioner keeps the force's performance under constant scrutiny against his own equality objectives and
against the equality objectives in the force's local DEI strategy.

### Figure 1 – OPCC Equality Objectives

**Our Communities.** We will:

- make sure every victim can get the services they need to cope and recover, wherever they live and whatever
  their characteristics or circumstances;
- make sure plans for victim services take in every demographic and community in West Mercia, and recognise their
  needs and difficulties;
- help the Commissioner to be visible to, and reachable by, every community in West Mercia;
- treat every person and community who contacts us fairly, equally and with respect;
- create new ways of hearing from under-represented voices in our communities, so that their needs and worries are
  understood and acted on;
- write and carry out a new engagement strategy that builds good relations across diverse communities and lets the
  Commissioner represent everyone in West Mercia.

**Our Organisation.** We will:

- recruit and keep staff and volunteers who reflect the diversity of our communities;
- give all staff and volunteers equal opportunity at every stage, from recruitment, retention and promotion to
  leaving;
- recognise what diverse groups in our workforce need and make sure all staff and volunteers can get the right
  support;
- train all staff so that they know more about equality, diversity and inclusion and feel more confident with it;
- build an inclusive culture in which everyone is treated fairly, with dignity and with respect;
- spot, challenge and deal properly with any inappropriate behaviour or language, or any dignity at work issue;
- be as open as possible as an organisation, so that what we do and decide can be scrutinised and the feedback used
  to improve our service to the public.

{PAGEBREAK}

**Our Partners.** We will:

- stand up for diversity, equality and inclusion across policing and community safety, together with local,
  regional and national partners;
- work with partners and stakeholders to understand disproportionality in the Criminal Justice System, tackle it
  where we can, and improve the service to the public;
- help the Commissioner hold the Chief Constable of West Mercia Police to account for all her equality, diversity
  and inclusion duties;
- require every provider, organisation or person contracted or funded by the Commissioner to comply with the
  Equality Act and with any further equality and diversity conditions he sets.

## Force Governance

8\\. The Safer West Mercia Plan sets the policing priorities and the strategic direction for West Mercia Police's
local Diversity, Equality and Inclusion Strategy 2021 - 2025. That four-year strategy, in line with the national
one, is built on three elements for the force: communities, organisation and partners. It gives the force a broad
DEI framework, driven through the governance described below.

9\\. The Commissioner must hold the Chief Constable to account for delivering the DEI commitments in the Safer West
Mercia Plan and the local and national DEI strategies.

10\\. The Chief Constable is as committed as the Commissioner to advancing DEI in West Mercia. After her
appointment in September 2021 she added 'Inclusive' as the force's fifth organisational value, reflecting her first
impressions of the organisation and her own commitment to it.

11\\. With the values revised, the Chief Constable had the force's DEI governance reviewed so that direction and
scrutiny were clear. It led to a six-monthly Inclusion Strategy Board (ISB), which she chairs and which Chief
Officers and senior managers attend. The ISB sets strategic priorities for internal, organisational DEI issues and
for external, operational ones. The DEI lead in the Commissioner's policy team represents him there.

12\\. Under the ISB are two Inclusion Delivery Boards, which draw up and oversee the tactical plans for delivering
the DEI priorities. The ACC for Local Policing chairs the external, operational board, and the Director of Business
Services chairs the internal, organisational one. Both meet quarterly, record progress and report to the ISB.

{PAGEBREAK}

## Black and Minority Ethnic (BAME) Representation Data

13\\. The Safer West Mercia Plan commits the force to keep improving the make-up of its workforce, so that
officers, staff and volunteers reflect the communities they serve, and to show measurable progress on its Equality
Objectives 2021-2025.

14\\. The Panel asked for an update on West Mercia Police's workforce figures, concentrating on black and minority
ethnic (BAME) representation; the figures are set out below.

15\\. The force wants its workforce to reflect the communities it serves, as the Census records them. The 2011
Census put the minority ethnic share of West Mercia's population at 3.8%. The 2021 Census (published 28 June 2022)
puts it at 5.8% for the West Mercia policing area. The force had been working to a target of at least 3.8% BAME
officers and staff, and is now reconsidering its aims and targets in the light of the new figures.

16\\. From 2020 to 2023 the number of West Mercia Police officers and staff from BAME backgrounds rose clearly every
year, as the table shows.

#### Percentage of officers and staff from a BAME background

{BAME_PERCENT_TABLE}
Figures are as at April of each financial year; the counts behind them are in Appendix 1.

17\\. The progress is welcome, but the share of officers from black or minority ethnic backgrounds is still short
of the force's aim of reflecting West Mercia's communities as the 2011 and 2021 Census figures describe them. The
2021 Census shows an even more diverse population, so there is more to do before the force is truly representative.

{PAGEBREAK}

18\\. Within the force, the Positive Action team is doing a great deal to attract and recruit people from every
strand of diversity. Its 'Step' programme supports potential recruits, and current officers and staff, who have a
protected characteristic: for example women, BAME people, people with dyslexia and LGBTQ+ people. It has 3 phases,
Step In, Step Up and Step Across, each grounded in positive action; examples of the work in each follow.

### Step In

19\\. The force has worked hard to map the diverse communities in its area so that attraction and recruitment can
be targeted. Candidates in the recruitment pipeline who have a protected characteristic can join a closed Facebook
group full of information on the assessment centre and on recruitment events and discovery sessions, online and in
person.

20\\. The positive action team phones candidates in the pipeline often, to keep them engaged through what can be a
long recruitment process.

21\\. The team also holds discovery sessions that explain parts of the application process in depth. Leads from
several staff networks have helped with a number of them, with great success.

### Step Up

22\\. The positive action team held an internal promotion conference, 'You can't be what you can't see', for
positive action candidates, officers and staff, from the groups least represented in the force's ranks. It has
brought many more applicants for the coming Sergeants' process, and more frequent information sessions now help
would-be candidates understand the promotion process.

{PAGEBREAK}

### Step Across

23\\. Blogs drawing on the real experiences of officers and staff are being written to encourage people from
under-represented groups to apply for specialist roles.

24\\. Locally and nationally this is backed by the Police Race Action Plan. Its actions include helping officers and
staff to understand black history, through a bespoke black history product: a compulsory programme, tailored to role
and rank, that challenges assumptions and bias. Every Black officer and member of staff can be offered access to the
BME network, and black officers can complete a survey about their experience of policing, which will help develop
the force's internal culture and inclusivity.

25\\. Under the #HeForShe initiative there have been several learning events on misogyny and on health
inequalities. The force now has more than 100 allies, a toolkit for staff is being issued, and a powerful video has
been made which has been picked out and shared as good practice.

{PAGEBREAK}

## PCC Scrutiny

26\\. The Commissioner holds regular Assurance and Accountability (A&A) meetings with the Chief Constable. DEI has
come up throughout his 2 terms, with several formal and public sessions in 2020 and 2022. He is now preparing
another A&A meeting on DEI, due in October 2023, and it will give a good opportunity to take stock of progress.

27\\. Alongside the formal meetings, the A&A programme has an ad-hoc, virtual strand, run by email, with the Chief
Constable answering in writing. It has been used for DEI questions too, especially on using the local and national
uplifts in officer numbers to improve representation between 2020 - 2022.

28\\. The most recent formal DEI A&A session, in October 2022, looked at the main DEI performance areas,
representation among them. The Commissioner asked the Chief Constable for assurance on:

- openness and scrutiny of the resources and governance the force uses to deliver the local and national DEI
  strategies, including independent scrutiny;
- developing the workforce so that representation improves across all protected characteristics;
- using the local and national officer uplifts to support DEI, and consulting under-represented groups.

29\\. The session concluded that progress had been made and plans put in place, that understanding had grown, and
that a governance framework now exists with further work planned.

30\\. The next thematic A&A will look at operational DEI work that faces the public, including police use of
powers such as Stop & Search and use of force, arrest rates among them, to understand any disproportionality or
inequality.

31\\. It will also examine how the force engages with seldom heard communities, black heritage communities in
particular. The Commissioner has asked for more information on the force's work with communities and groups who may
be at risk of particular kinds of targeted crime or who see policing negatively.

{PAGEBREAK}

## Appendix 1 – Black and Minority Ethnic Representation Data

### Percentage of officers and staff from a BAME background

{BAME_PERCENT_TABLE}
Figures are as at April of each financial year.

{_count_table("April 2023")}
{_count_table("April 2022")}
{PAGEBREAK}

{_count_table("April 2021")}
{_count_table("April 2020")}

{PAGEBREAK}
"""

DEI = {
    "title": "Diversity, Equality and Inclusion Report (DEI)",
    "author": PCC_AUTHOR,
    "contact_points": PCP_CONTACT,
    "recommendation": "The Panel is asked to consider this report.",
    "summary": "",
    "background": (
        "At its meeting on 27 July 2023 the Panel asked for a report on diversity in West Mercia Police, and the "
        "item was added to the work programme for this meeting."
    ),
    "body": DEI_BODY,
    "risk_implications": "None.",
    "financial_implications": "None.",
    "legal_implications": "None.",
    "equality_implications": "This report helps the Commissioner to meet the objectives of the Equality Act.",
    "supporting_information": "Appendix 1 – Black and minority ethnic representation data (at the end of this report).",
    "background_papers": NO_BACKGROUND_PAPERS,
}
# (section, meeting, area, date of last report or frequency, notes), in the order the work programme prints them.
WORK_PROGRAMME = [
    (
        "scheduled",
        "19 September 2023",
        "Police & Crime Plan Activity and Performance Monitoring Report",
        "27 July 2023",
        "",
    ),
    (
        "scheduled",
        "19 September 2023",
        "Quarterly budget monitoring (and key performance indicators)",
        "27 July 2023",
        "",
    ),
    ("scheduled", "19 September 2023", "Update on the Implementation of the Estates Strategy", "7 September 2022", ""),
    ("scheduled", "19 September 2023", "Police Force diversity", "", "Requested at 27 July 2023 meeting"),
    ("scheduled", "19 September 2023", "Work Programme", "27 July 2023", ""),
    (
        "scheduled",
        "17 November 2023",
        "Police & Crime Plan Activity and Performance Monitoring Report",
        "19 September 2023",
        "",
    ),
    (
        "scheduled",
        "17 November 2023",
        "Quarterly budget monitoring (and key performance indicators)",
        "19 September 2023",
        "",
    ),
    ("scheduled", "17 November 2023", "Update on the Crime Disorder Partnerships", "", "Discussed at 23 November 2022"),
    (
        "scheduled",
        "17 November 2023",
        "Specification for the refresh of the road safety needs assessment",
        "",
        "Discussed at 23 November 2022",
    ),
    ("scheduled", "17 November 2023", "Annual Report on Complaints", "7 September 2022; 15 September 2021", ""),
    ("scheduled", "17 November 2023", "Work Programme", "19 September 2023", ""),
    (
        "scheduled",
        "February 2024",
        "PCC's Proposed Precept (and Medium Term Financial Plan) including budget briefing/Task Group arrangements",
        "2 November 2023",
        "",
    ),
    (
        "scheduled",
        "February 2024",
        "Update on Information Technology - outcome of investment",
        "",
        "Agreed at 27 July 2023 meeting",
    ),
    (
        "scheduled",
        "February 2024",
        "Police & Crime Plan Activity and Performance Monitoring Report",
        "2 November 2023",
        "",
    ),
    ("scheduled", "February 2024", "Work Programme", "", ""),
    ("scheduled", "June/July 2024", "Draft Annual Report of the Police and Crime Commissioner for West Mercia", "", ""),
    ("scheduled", "June/July 2024", "Police & Crime Plan Activity and Performance Monitoring Report", "", ""),
    ("scheduled", "June/July 2024", "Quarterly budget monitoring (and key performance indicators)", "", "Quarterly"),
    ("scheduled", "June/July 2024", "Work Programme", "", ""),
    (
        "potential",
        "TBC",
        "Update on the progress of Combating Drug Partnerships (CDPs)",
        "23 November 2022",
        "Update twice yearly",
    ),
    ("potential", "TBC", "ICT Improvement Programme", "", ""),
    ("potential", "TBC", "Update on the Criminal Justice System", "", ""),
    ("potential", "TBC", "Update on the Prevention Strategy", "7 September 2022", ""),
    (
        "potential",
        "TBC",
        "Update on the progress Her Majesty's Inspectorate of Constabulary and Fire and Rescue Services (HMICFRS) "
        "PEEL 2021/22 – An inspection of West Mercia Police",
        "15 June 2022",
        "",
    ),
    (
        "potential",
        "TBC",
        "Update on the progress of Joint HMICFRS & Her Majesty's Inspectorate of Prisons (HMIP) Inspection Report: "
        "An unannounced inspection visit to police custody suites in West Mercia Police.",
        "15 June 2022",
        "",
    ),
    (
        "potential",
        "TBC",
        "Update on the progress made against His Majesty's Inspectorate of Constabulary and Fire & Rescue Services "
        "(HMICFRS) - A report into the effectiveness of vetting and counter-corruption arrangements in West Mercia "
        "Police (published 17 November)",
        "",
        "",
    ),
    (
        "statutory",
        "",
        "PCC's Proposed Precept (and Medium Term Financial Plan) including budget briefing/Task Group arrangements",
        "February/July/December",
        "",
    ),
    ("statutory", "", "Draft Police and Crime Plan (or variation to it)", "", ""),
    ("statutory", "", "Annual Report of the PCC", "Annually", ""),
    (
        "statutory",
        "",
        "Review the PCC's proposed appointment of a Chief Constable, Chief Executive, Chief Finance Officer and/or "
        "the Deputy PCC",
        "As needed",
        "",
    ),
    ("regular", "", "Police & Crime Plan Activity and Performance Monitoring Report", "Every meeting", ""),
    ("regular", "", "Quarterly budget monitoring (including key performance indicators)", "Every meeting", ""),
    ("regular", "", "Work Programme", "Every meeting", ""),
    ("regular", "", "Annual Report on Complaints", "Annually", ""),
]

WP_SECTION_LABELS = {
    "potential": "Potential items",
    "statutory": "Statutory items",
    "regular": "Regular items",
}
# The printed table runs over several pages; the paper breaks it after these groups (a meeting, or a section).
WP_BREAK_AFTER = {"19 September 2023", "February 2024", "potential"}


def _wp_group(row) -> str:
    section, meeting = row[0], row[1]
    return meeting if section == "scheduled" else section


def _work_programme_table() -> str:
    """The work programme as Markdown tables, one per printed page, each with its header row."""
    head = "| Meeting Date | Area of Scrutiny | Date of Last Report | Notes/Follow-up Action |\n|---|---|---|---|\n"
    chunks, rows = [], []
    for index, row in enumerate(WORK_PROGRAMME):
        section, meeting, area, last, notes = row
        previous = WORK_PROGRAMME[index - 1] if index else None
        if section in WP_SECTION_LABELS and (previous is None or previous[0] != section):
            rows.append(f"| **{WP_SECTION_LABELS[section]}** | | | |")
        rows.append(f"| {meeting} | {area} | {last} | {notes} |")
        following = WORK_PROGRAMME[index + 1] if index + 1 < len(WORK_PROGRAMME) else None
        if following is None or (_wp_group(row) in WP_BREAK_AFTER and _wp_group(following) != _wp_group(row)):
            chunks.append(head + "\n".join(rows) + "\n")
            rows = []
    return f"\n\n{PAGEBREAK}\n\n".join(chunks)


WORK_PROGRAMME_BODY = f"""
{PAGEBREAK}

## Dates of Future Meetings

6\\. The County Council website lists the dates and details of future meetings. The Panel next plans to meet on
17 November 2023.

[West Mercia Police and Crime Panel meetings (Worcestershire County Council,
moderngov.co.uk)](https://www.moderngov.co.uk/Meetings/Agenda/2023/09/19/West-Mercia-Police-and-Crime-Panel)

## Purpose of the Meeting

7\\. The Panel is asked to look at the 2023/24 Work Programme and decide whether it wants any changes. It will want
to keep room to deal with any urgent matters that come up.

## Appendix 1: West Mercia Police and Crime Panel Work Programme 2023/24

{_work_programme_table()}

{PAGEBREAK}
"""

WORK_PROGRAMME_PAPER = {
    "title": "Work Programme",
    "author": "Samantha Morris, Interim Democratic Governance and Scrutiny Manager, Worcestershire County Council",
    "contact_points": (
        "Samantha Morris, Interim Democratic Governance and Scrutiny Manager; telephone 01905 844963; "
        "email sjmorris@worcestershire.gov.uk"
    ),
    "recommendation": (
        "The Panel is asked to consider its 2023/24 Work Programme and to agree any amendments it wishes to make."
    ),
    "summary": (
        "1\\. The West Mercia Police and Crime Panel (PCP) looks at its work programme from time to time and decides "
        "which matters it should examine first."
    ),
    "background": (
        "2\\. The Police Reform and Social Responsibility Act 2011 gives the Panel the job of scrutinising how the "
        "Police and Crime Commissioner (PCC) uses his statutory functions. Among other things the Panel:\n\n"
        "- (a) can veto the PCC's proposed precept, by a two-thirds majority of all the Panel's members;\n"
        "- (b) can examine the Police and Crime Plan and recommend changes, to which the PCC must have regard;\n"
        "- (c) can examine the PCC's annual report, and recommend on it, at a public meeting the PCC must attend;\n"
        "- (d) can require the PCC to come before the Panel and answer questions.\n\n"
        "3\\. Some of these functions fall at fixed points in the year: the precept, for instance, has to be "
        "considered and the Panel's view given to the PCC by 8 February each year.\n\n"
        "4\\. Being a scrutiny body, the Panel looks at the PCC's decisions, at performance and at matters of "
        "concern or interest. It cannot examine all of these in depth, so it has to plan its work and settle its "
        "priorities.\n\n"
        "5\\. The attached work programme includes 'routine' items, items the Panel must consider at set times of "
        "year, and subjects on which the Panel has asked the PCC for a report."
    ),
    "body": WORK_PROGRAMME_BODY,
    "risk_implications": "",
    "financial_implications": "",
    "legal_implications": "",
    "equality_implications": "",
    "supporting_information": (
        "Appendix 1: West Mercia Police and Crime Panel Work Programme (at the end of this report)."
    ),
    "background_papers": (
        "The proper officer, here the Assistant Director for Legal and Governance, considers that no background "
        "papers relate to this report.\n\n"
        "Every agenda and set of minutes can be read on the Council's website."
    ),
}


PAPERS = {
    "6": ACTIVITY,
    "7": METRICS,
    "8": ESTATES,
    "9": DEI,
    "10": WORK_PROGRAMME_PAPER,
}

PAPER_FIELDS = [
    "author",
    "contact_points",
    "recommendation",
    "summary",
    "background",
    "body",
    "risk_implications",
    "financial_implications",
    "legal_implications",
    "equality_implications",
    "supporting_information",
    "background_papers",
]


def demo_papers_load(*, acting_user=None) -> list[Paper]:
    """Write the demo's papers for items 6 to 10 of the 19 September 2023 meeting; return those created.

    Idempotent: an item that already has a live paper is left alone. Needs the West Mercia demo loaded.
    """
    meeting = Meeting.objects.live().get(panel__slug=PANEL_SLUG, slug=MEETING_SLUG)
    created = []
    with transaction.atomic():
        for number, paper in PAPERS.items():
            item = meeting.agenda_items.live().get(number=number)
            if item.papers.live().exists():
                continue
            fields = {name: paper[name] for name in PAPER_FIELDS}
            created.append(
                paper_create(acting_user=acting_user, agenda_item=item, title=paper["title"], order=1, **fields)
            )
    return created
