package Catmandu::Store::Fixture;

# A read-only Catmandu store over one YAML file, searchable by the few CQL queries that
# Dancer::Plugin::Catmandu::OAI sends. The plugin needs a CQL-searchable store, and the ones Debian packages
# (Elasticsearch, MongoDB, Solr) each need a server that Debian does not ship; everything else in the peer
# (the OAI-PMH verbs, the XML, the resumption tokens, the oai_dc template) is the plugin's own.

use Catmandu::Sane;
use Catmandu::Importer::YAML;
use Moo;
use namespace::clean;

with 'Catmandu::Store';

has file    => (is => 'ro', required => 1);
has records => (is => 'lazy', init_arg => undef);

# Sorted by datestamp, then id: what the plugin's "datestamp,,1" sort key asks for, and a stable page order.
sub _build_records {
    my $self = shift;
    my $all = Catmandu::Importer::YAML->new(file => $self->file)->to_array;
    [sort { $a->{datestamp} cmp $b->{datestamp} or $a->{_id} cmp $b->{_id} } @$all];
}

1;
