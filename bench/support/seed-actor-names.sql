-- :n actors with realistic names (first + last, a second surname one time in four), accents
-- included; then the two rare names the search benchmark looks for. Indexes are dropped while
-- the rows go in and built again after (a million GIN insertions one by one take far longer).
create temporary table saved_index as
  select indexname, indexdef from pg_indexes where tablename = 'actor' and indexname <> 'actor_pkey';
do $$ declare r record; begin
  for r in select indexname from saved_index loop execute format('drop index %I', r.indexname); end loop;
end $$;
insert into actor (name, age, gender, created_at, updated_at)
select f.first[1 + abs(hashint4(i)) % array_length(f.first, 1)] || ' ' ||
       l.last[1 + abs(hashint4(i + 7919)) % array_length(l.last, 1)] ||
       case when abs(hashint4(i + 104729)) % 4 = 0 then ' ' || l.last[1 + abs(hashint4(i + 15485863)) % array_length(l.last, 1)] else '' end,
       18 + abs(hashint4(i + 31)) % 70,
       case when i % 2 = 0 then 'female' else 'male' end,
       now(), now()
from generate_series(1, :n) as i,
  (select array['John','Mary','James','Anna','Michael','Sarah','David','Laura','Robert','Emma','Thomas','Julia',
    'Daniel','Sophie','Peter','Marie','Paul','Clara','Mark','Lucy','José','Zoë','Penélope','Renée','Chloë','Björn',
    'François','Agnès','Hélène','Jürgen','Søren','Íñigo','Gaël','Noémie','Anaïs','Joël','Måns','Łukasz','Dörte',
    'Sebastián','Ana','Luis','Carmen','Pedro','Elena','Ivan','Olga','Yuki','Hiro','Mei','Wei','Amir','Fatima',
    'Omar','Priya','Raj','Kwame','Ama','Lars','Ingrid'] as first) as f,
  (select array['Smith','Johnson','Williams','Brown','Jones','Miller','Davis','García','Rodríguez','Martínez',
    'Hernández','López','González','Pérez','Sánchez','Müller','Schröder','Weiß','Groß','Dubois','Lefèvre','Moreau',
    'Girard','Bonnet','Rossi','Russo','Ferrari','Esposito','Bianchi','Novák','Dvořák','Kowalski','Nowak',
    'Wiśniewski','Jensen','Nielsen','Hansen','Andersson','Johansson','Karlsson','Nilsson','Åberg','Öberg','Ivanov',
    'Petrov','Sato','Suzuki','Takahashi','Tanaka','Kim','Lee','Park','Chen','Wang','Singh','Kumar','Okafor',
    'Mensah','Silva','Santos','Costa','Oliveira','O''Brien','Murphy','Kelly','Saldaña','Cruz','Peña','Núñez',
    'Ibáñez'] as last) as l;
insert into actor (name, age, gender, created_at, updated_at)
values ('Quentin Tarantino', 63, 'male', now(), now()), ('Mads Mikkelsen', 60, 'male', now(), now());
do $$ declare r record; begin
  for r in select indexdef from saved_index loop execute r.indexdef; end loop;
end $$;
analyze actor;
