package Catmandu::Store::Fixture::Bag;

use Catmandu::Sane;
use Catmandu::Hits;
use Moo;
use namespace::clean;

with 'Catmandu::Bag';
with 'Catmandu::CQLSearchable';

sub generator {
    my $self = shift;
    my @records = @{$self->store->records};
    sub { shift @records };
}

sub get {
    my ($self, $id) = @_;
    (grep { $_->{_id} eq $id } @{$self->store->records})[0];
}

sub add          { Catmandu::NotImplemented->throw('the fixture is read-only') }
sub delete       { Catmandu::NotImplemented->throw('the fixture is read-only') }
sub delete_all   { Catmandu::NotImplemented->throw('the fixture is read-only') }
sub delete_by_query { Catmandu::NotImplemented->throw('the fixture is read-only') }
sub searcher     { Catmandu::NotImplemented->throw('not needed by the OAI plugin') }

sub translate_sru_sortkeys { $_[1] }

# The plugin's queries are conjunctions of "(cql.allRecords)", "_id exact "…"", "(datestamp >= "…")" and
# "(datestamp <= "…")"; anything else is refused rather than answered wrongly.
sub translate_cql_query {
    my ($self, $cql) = @_;
    my @tests;
    for my $part (split /\s+and\s+/, $cql) {
        $part =~ s/^\s*\(\s*|\s*\)\s*$//g;
        next if $part eq 'cql.allRecords';
        if ($part =~ /^(\w+)\s*(exact|=|>=|<=|>|<)\s*"([^"]*)"$/) {
            my ($field, $op, $value) = ($1, $2, $3);
            push @tests, sub {
                my $v = $_[0]->{$field} // return 0;
                return $v eq $value if $op eq 'exact' or $op eq '=';
                return $v ge $value if $op eq '>=';
                return $v le $value if $op eq '<=';
                return $v gt $value if $op eq '>';
                return $v lt $value;
            };
        }
        else {
            Catmandu::BadArg->throw("the fixture store cannot answer the CQL '$part'");
        }
    }
    sub { my $r = shift; for my $t (@tests) { return 0 unless $t->($r) } 1 };
}

sub search {
    my ($self, %args) = @_;
    my $query = $args{query} // sub {1};
    my @hits = grep { $query->($_) } @{$self->store->records};
    my ($start, $limit) = ($args{start}, $args{limit});
    my $end = $start + $limit > @hits ? scalar @hits : $start + $limit;
    Catmandu::Hits->new(start => $start, limit => $limit, total => scalar @hits,
        hits => [@hits[$start .. $end - 1]]);
}

1;
